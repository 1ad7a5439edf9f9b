import { Badge } from "@/components/ui/badge";
import { Bytes } from "@/components/ui/bytes";
import { Table } from "@/components/ui/table";
import type { ModelKitDiffDTO } from "@/lib/data/dto";
import type { DiffSection, SectionCounts } from "@/lib/diff/types";

/** The sections a Kitfile has, in Kitfile order; MCP servers only appear when a side has one. */
const SECTION_LABELS: Record<DiffSection, string> = {
  package: "Package",
  model: "Model",
  parts: "Model parts",
  code: "Code",
  datasets: "Datasets",
  docs: "Docs",
  prompts: "Prompts",
  mcpServers: "MCP servers",
};

/** Which noise keys differ: kit stamps its version and (current kit) the pack time into every manifest. */
function noiseLabel(keys: string[]): string {
  const cli = keys.includes("ml.kitops.modelkit.cli-version");
  const created = keys.includes("org.opencontainers.image.created");
  return cli && created ? "kit CLI version and pack time only" : created ? "pack time only" : "kit CLI version only";
}

const total = (c: SectionCounts) => c.added + c.removed + c.changed + c.unchanged;

/** Summary first: identical or not, what changed per section, layers and bytes (`kit diff` parity). */
export function DiffSummary({ dto }: { dto: ModelKitDiffDTO }) {
  const { summary, manifest } = dto.diff;
  const sections = (Object.keys(SECTION_LABELS) as DiffSection[]).filter((s) => s !== "mcpServers" || total(summary.sections[s]) > 0);
  return (
    <section aria-labelledby="diff-summary-heading" className="panel diff-summary">
      <h2 id="diff-summary-heading">Summary</h2>
      {summary.identical ? (
        <p className="alert alert-info" data-testid="diff-verdict">
          <strong>Identical.</strong> Both references point at the same manifest digest.
        </p>
      ) : (
        <p data-testid="diff-verdict" className="row">
          <Badge tone="warn">Different</Badge>
          <span>
            {summary.kitfileChanges} Kitfile {summary.kitfileChanges === 1 ? "field" : "fields"} changed;{" "}
            {summary.modelCardChanges > 0 ? <>{summary.modelCardChanges} model card {summary.modelCardChanges === 1 ? "field" : "fields"} changed; </> : null}
            {summary.kitRejectionsIntroduced > 0 ? <>the head adds {summary.kitRejectionsIntroduced} {summary.kitRejectionsIntroduced === 1 ? "problem" : "problems"} kit would reject; </> : null}
            {summary.layers.uniqueB} of the head&apos;s layers are not in the base (<Bytes value={summary.bytesDiffering} /> to pull on top of the base).
          </span>
        </p>
      )}
      <div className="diff-summary-grid">
        <Table caption="Entries per section">
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col" className="num">Added</th>
              <th scope="col" className="num">Removed</th>
              <th scope="col" className="num">Changed</th>
              <th scope="col" className="num">Unchanged</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((s) => {
              const c = summary.sections[s];
              return (
                <tr key={s} data-section={s} className={total(c) === 0 ? "muted" : undefined}>
                  <th scope="row">{SECTION_LABELS[s]}</th>
                  <td className={`num${c.added ? " diff-add-text" : ""}`}>{c.added}</td>
                  <td className={`num${c.removed ? " diff-del-text" : ""}`}>{c.removed}</td>
                  <td className={`num${c.changed ? " diff-chg-text" : ""}`}>{c.changed}</td>
                  <td className="num">{c.unchanged}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
        <dl className="dl" aria-label="Layers and configuration">
          <dt>Layers shared</dt>
          <dd>{summary.layers.shared}</dd>
          <dt>Only in base</dt>
          <dd>{summary.layers.uniqueA}</dd>
          <dt>Only in head</dt>
          <dd>{summary.layers.uniqueB}</dd>
          <dt>Recompressed</dt>
          <dd>
            {summary.layers.recompressed > 0 ? (
              <span title="different layer digest, same uncompressed content (diffID)">{summary.layers.recompressed} (same content)</span>
            ) : (
              0
            )}
          </dd>
          <dt>Bytes that differ</dt>
          <dd>
            <Bytes value={summary.bytesDiffering} />
          </dd>
          <dt>Config</dt>
          <dd>{manifest.sameConfig ? <Badge tone="ok">same digest</Badge> : <Badge tone="warn">changed</Badge>}</dd>
          <dt>Annotations</dt>
          <dd>
            {manifest.annotationsMatch ? (
              <Badge tone="ok">match</Badge>
            ) : summary.cliVersionNoise ? (
              <span className="row">
                <Badge tone="neutral">{noiseLabel(manifest.annotationChanges.map((c) => c.key))}</Badge>
                <span className="muted">noise: packed by different kit versions or at different times</span>
              </span>
            ) : (
              <Badge tone="warn">differ</Badge>
            )}
          </dd>
        </dl>
      </div>
    </section>
  );
}

export { SECTION_LABELS };
