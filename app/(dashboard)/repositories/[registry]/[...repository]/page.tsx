import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { VersionTable } from "@/components/kit/version-table";
import { getActor } from "@/lib/data/get-actor";
import { listVersions } from "@/lib/data/list-versions";
import { registryHref } from "@/lib/format/registry-href";
import { repositoryHref } from "@/lib/format/repository-href";
import { parsePageInput } from "@/lib/http/parse-page-input";
import { settle } from "@/lib/http/settle";
import { versionsPageParams, versionsPageSearch } from "@/lib/validations/versions-query";

export const dynamic = "force-dynamic";

/** Each version costs a manifest (and config) read on a cold cache; 25 keeps the first paint quick. */
const PAGE_SIZE = 25;

type Props = {
  params: Promise<{ registry: string; repository: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const p = await params;
  return { title: p.repository.map(decodeURIComponent).join("/") };
}

export default async function VersionsPage({ params, searchParams }: Props) {
  const path = await parsePageInput(versionsPageParams, params);
  const search = await parsePageInput(versionsPageSearch, searchParams);
  if (!path.ok) return <ErrorPanel error={path.error} />;
  if (!search.ok) return <ErrorPanel error={search.error} />;
  const { registry, repository } = path.data;
  const { q, cursor } = search.data;
  const result = await settle(async () => listVersions(await getActor(), { registry, repository, q, cursor, limit: PAGE_SIZE }));
  const here = repositoryHref(registry, repository);

  return (
    <>
      <Breadcrumbs items={[{ label: "Registries", href: "/" }, { label: registry, href: registryHref(registry) }, { label: repository }]} />
      <div className="page-head">
        <div>
          <h1>{repository}</h1>
          <p className="sub">
            <code>
              {registry}/{repository}
            </code>{" "}
            · versions grouped by digest
          </p>
        </div>
        <FilterForm action={here} value={q} label="Filter versions" placeholder="Filter by tag, package, model…" />
      </div>
      {!result.ok ? (
        <ErrorPanel error={result.error} />
      ) : (
        <>
          {result.data.hiddenTags > 0 ? (
            <p className="muted" data-testid="hidden-tags">
              {result.data.hiddenTags} signature/referrer {result.data.hiddenTags === 1 ? "tag" : "tags"} hidden (
              <code>sha256-…</code>, <code>.sig</code>, <code>.att</code>, <code>.sbom</code>).
            </p>
          ) : null}
          {result.data.items.length === 0 ? (
            <EmptyState title={q ? "No versions match" : "No versions"}>
              {q ? (
                <>
                  No tag, package or model contains “{q}”. <Link href={here}>Clear the filter</Link>
                </>
              ) : (
                "This repository has no tags."
              )}
            </EmptyState>
          ) : (
            <VersionTable registry={registry} repository={repository} versions={result.data.items} />
          )}
          <Pagination
            isFirst={!cursor}
            firstHref={repositoryHref(registry, repository, { q })}
            nextHref={result.data.next ? repositoryHref(registry, repository, { q, cursor: result.data.next }) : null}
          />
        </>
      )}
    </>
  );
}
