import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { getActor } from "@/lib/data/get-actor";
import { listRepositories } from "@/lib/data/list-repositories";
import { registryHref } from "@/lib/format/registry-href";
import { repositoryHref } from "@/lib/format/repository-href";
import { parsePageInput } from "@/lib/http/parse-page-input";
import { settle } from "@/lib/http/settle";
import { repositoriesQuery } from "@/lib/validations/repositories-query";

export const dynamic = "force-dynamic";

/** Repositories are listed 50 at a time: a screenful, and cheap for registries that page `_catalog`. */
const PAGE_SIZE = 50;

type Props = {
  params: Promise<{ registry: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  return { title: decodeURIComponent((await params).registry) };
}

export default async function RepositoriesPage({ params, searchParams }: Props) {
  const input = await parsePageInput(repositoriesQuery, { ...(await searchParams), ...(await params) });
  if (!input.ok) return <ErrorPanel error={input.error} />;
  const { registry, q, cursor } = input.data;
  const result = await settle(async () => listRepositories(await getActor(), { registry, q, cursor, limit: PAGE_SIZE }));

  return (
    <>
      <Breadcrumbs items={[{ label: "Registries", href: "/" }, { label: registry }]} />
      <div className="page-head">
        <div>
          <h1>Repositories in {registry}</h1>
          <p className="sub">Every repository is listed; versions that are not ModelKits are marked on the next page.</p>
        </div>
        <FilterForm action={registryHref(registry)} value={q} label="Filter repositories" placeholder="Filter by name…" />
      </div>
      {!result.ok ? (
        <ErrorPanel error={result.error} />
      ) : result.data.items.length === 0 ? (
        <EmptyState title={q ? "No repositories match" : "No repositories"}>
          {q ? (
            <>
              Nothing in {registry} contains “{q}”. <Link href={registryHref(registry)}>Clear the filter</Link>
            </>
          ) : (
            "This registry has no repositories yet."
          )}
        </EmptyState>
      ) : (
        <>
          <Table caption={`Repositories in ${registry}`}>
            <thead>
              <tr>
                <th scope="col">Repository</th>
                <th scope="col">Reference</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((r) => (
                <tr key={r.name}>
                  <td>
                    <Link href={repositoryHref(r.registry, r.name)}>{r.name}</Link>
                  </td>
                  <td>
                    <code className="muted">
                      {r.registry}/{r.name}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            isFirst={!cursor}
            firstHref={registryHref(registry, { q })}
            nextHref={result.data.next ? registryHref(registry, { q, cursor: result.data.next }) : null}
          />
        </>
      )}
    </>
  );
}
