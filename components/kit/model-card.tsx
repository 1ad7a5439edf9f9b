import { Badge } from "@/components/ui/badge";
import type { ModelCard as ModelCardData } from "@/lib/modelkit/types";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Text({ label, value }: { label: string; value: string | undefined }) {
  if (value === undefined || value === "") return null;
  return <Row label={label}>{value}</Row>;
}

function List({ label, values }: { label: string; values: string[] | undefined }) {
  if (!values || values.length === 0) return null;
  return (
    <Row label={label}>
      <span className="row">
        {values.map((v, i) => (
          <Badge key={i} tone="neutral">
            {v}
          </Badge>
        ))}
      </span>
    </Row>
  );
}

/** A date the spec requires to be RFC 3339: shown as a date only when it is one, otherwise as the raw text. */
function When({ label, value, valid }: { label: string; value: string | undefined; valid: boolean | undefined }) {
  if (value === undefined) return null;
  return (
    <Row label={label}>
      {valid ? (
        <time dateTime={value}>{value}</time>
      ) : (
        <>
          <code>{value}</code> <Badge tone="warn">not an RFC 3339 date</Badge>
        </>
      )}
    </Row>
  );
}

/** Only http(s) links become links: the config is untrusted (no `javascript:`). */
function Url({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  const safe = /^https?:\/\//i.test(value);
  return (
    <Row label={label}>
      {safe ? (
        <a href={value} rel="noopener noreferrer nofollow" target="_blank">
          {value}
        </a>
      ) : (
        <code>{value}</code>
      )}
    </Row>
  );
}

function Flag({ label, value }: { label: string; value: boolean | undefined }) {
  if (value === undefined) return null;
  return <Row label={label}>{value ? <Badge tone="ok">yes</Badge> : <Badge tone="neutral">no</Badge>}</Row>;
}

/** The ModelPack descriptor and config (CNCF model-spec) as a model card, with the verdict of the model-spec config rules. */
export function ModelCard({ card }: { card: ModelCardData }) {
  const d = card.descriptor;
  const c = card.config;
  const caps = c.capabilities;
  return (
    <section className="panel" aria-labelledby="model-card" data-testid="model-card">
      <h2 id="model-card">
        Model card <span className="muted">ModelPack config</span>
      </h2>
      {card.schemaIssues.length > 0 ? (
        <div className="alert alert-warn" role="note" aria-label="Schema violations">
          <h3>
            {card.schemaIssues.length} {card.schemaIssues.length === 1 ? "violation" : "violations"} of the model-spec config rules
          </h3>
          <ul>
            {card.schemaIssues.map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid-2">
        <dl className="dl" aria-label="Descriptor">
          <Text label="Title" value={d.title} />
          <Text label="Name" value={d.name} />
          <Text label="Version" value={d.version} />
          <Text label="Vendor" value={d.vendor} />
          <Text label="Family" value={d.family} />
          <Text label="Description" value={d.description} />
          <List label="Authors" values={d.authors} />
          <List label="Licenses" values={d.licenses} />
          <When label="Created" value={d.createdAt} valid={d.createdAtValid} />
          <Text label="Revision" value={d.revision} />
          <Url label="Documentation" value={d.docURL} />
          <Url label="Source" value={d.sourceURL} />
          {d.datasetsURL?.length ? (
            <Row label="Datasets">
              <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
                {d.datasetsURL.map((u, i) => (
                  <li key={i}>{/^https?:\/\//i.test(u) ? <a href={u} rel="noopener noreferrer nofollow" target="_blank">{u}</a> : <code>{u}</code>}</li>
                ))}
              </ul>
            </Row>
          ) : null}
        </dl>
        <dl className="dl" aria-label="Config">
          <Text label="Architecture" value={c.architecture} />
          <Text label="Format" value={c.format} />
          <Text label="Parameters" value={c.paramSize} />
          <Text label="Precision" value={c.precision} />
          <Text label="Quantization" value={c.quantization} />
          <List label="Input" values={caps?.inputTypes} />
          <List label="Output" values={caps?.outputTypes} />
          <When label="Knowledge cutoff" value={caps?.knowledgeCutoff} valid={caps?.knowledgeCutoffValid} />
          <Flag label="Reasoning" value={caps?.reasoning} />
          <Flag label="Tool usage" value={caps?.toolUsage} />
          <Flag label="Reward model" value={caps?.reward} />
          <List label="Languages" values={caps?.languages} />
        </dl>
      </div>
      <p className="muted" style={{ marginTop: 8 }}>
        {card.listsTruncated ? "Long lists show their first 100 items. " : null}
        Checked against {card.schemaVersion}.
      </p>
    </section>
  );
}
