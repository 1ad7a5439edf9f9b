import Link from "next/link";
import { DiffRefsForm } from "@/components/diff/diff-refs-form";
import { diffHref } from "@/components/diff/diff-href";
import { DiffSideCard } from "@/components/diff/diff-side-card";
import { DiffSummary } from "@/components/diff/diff-summary";
import { EntryDiffList } from "@/components/diff/entry-diff-list";
import { KitfileDiffTable } from "@/components/diff/kitfile-diff-table";
import { ManifestDiffView } from "@/components/diff/manifest-diff";
import { KitRejectionsDiff, ModelCardDiff } from "@/components/kit/model-card-diff";
import "@/components/diff/diff.css";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ErrorPanel } from "@/components/ui/error-panel";
import { getActor } from "@/lib/data/get-actor";
import { getModelKitDiff } from "@/lib/data/get-modelkit-diff";
import { parsePageInput } from "@/lib/http/parse-page-input";
import { settle } from "@/lib/http/settle";
import { diffQuery } from "@/lib/validations/diff-query";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  const { base, head } = await searchParams;
  return { title: typeof base === "string" && typeof head === "string" ? `${base} → ${head}` : "Compare" };
}

/** `/diff?base=REF&head=REF`: summary first (server-rendered), entries and files on demand (client, React Query). */
export default async function DiffPage({ searchParams }: Props) {
  const crumbs = [{ label: "Registries", href: "/" }, { label: "Compare" }];
  const input = await parsePageInput(diffQuery, searchParams);
  if (!input.ok) {
    const raw = await searchParams;
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1>Compare two ModelKits</h1>
        <DiffRefsForm base={typeof raw.base === "string" ? raw.base : ""} head={typeof raw.head === "string" ? raw.head : ""} />
        {raw.base || raw.head ? <ErrorPanel error={input.error} /> : <p className="muted">Enter two references, e.g. local/demo/fraud-detection:1.0.0 and local/demo/fraud-detection:1.1.0.</p>}
      </>
    );
  }
  const { base, head } = input.data;
  const result = await settle(async () => getModelKitDiff(await getActor(), { base, head }));
  if (!result.ok)
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1>Compare two ModelKits</h1>
        <DiffRefsForm base={base} head={head} />
        <ErrorPanel error={result.error} />
      </>
    );
  const dto = result.data;
  const { diff } = dto;

  return (
    <div className="diff-page">
      <Breadcrumbs items={crumbs} />
      <div className="page-head">
        <div>
          <h1>Compare</h1>
          <div className="diff-sides">
            <DiffSideCard label="Base" side={dto.base} />
            <span aria-hidden="true" className="diff-arrow">
              →
            </span>
            <DiffSideCard label="Head" side={dto.head} />
          </div>
        </div>
        <div className="row">
          <Link className="btn" href={diffHref(head, base)}>
            Swap base and head
          </Link>
        </div>
      </div>
      <details className="diff-edit">
        <summary>Change references</summary>
        <DiffRefsForm base={base} head={head} />
      </details>

      <DiffSummary dto={dto} />

      <KitRejectionsDiff rejections={diff.kitRejections} />

      <section aria-labelledby="kitfile-heading">
        <h2 id="kitfile-heading">
          Kitfile changes <span className="muted">{diff.kitfile.length}</span>
        </h2>
        <KitfileDiffTable changes={diff.kitfile} />
      </section>

      {dto.base.format === "modelpack" || dto.head.format === "modelpack" ? (
        <section aria-labelledby="model-card-heading">
          <h2 id="model-card-heading">
            Model card changes <span className="muted">{diff.summary.modelCardChanges}</span>
          </h2>
          <ModelCardDiff changes={diff.modelCard} />
        </section>
      ) : null}

      {!diff.summary.identical ? (
        <section aria-labelledby="entries-heading">
          <h2 id="entries-heading">Changed entries</h2>
          <p className="muted">Open an entry to list its changed files, and a file to see its diff. Only the layers you open are read.</p>
          <EntryDiffList entries={diff.entries} base={dto.base.reference} head={dto.head.reference} />
        </section>
      ) : null}

      <section aria-labelledby="layers-heading">
        <h2 id="layers-heading">Manifest and layers</h2>
        <ManifestDiffView manifest={diff.manifest} />
      </section>
    </div>
  );
}
