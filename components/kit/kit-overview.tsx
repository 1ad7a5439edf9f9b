import Link from "next/link";
import { stringify } from "yaml";
import { Badge } from "@/components/ui/badge";
import { Bytes } from "@/components/ui/bytes";
import { Digest } from "@/components/ui/digest";
import { Table } from "@/components/ui/table";
import type { ModelKitDTO } from "@/lib/data/dto";
import { kitHref } from "@/lib/format/kit-href";
import type { EntrySection, KitEntry, Kitfile } from "@/lib/modelkit/types";
import { KitRejections } from "./kit-rejections";
import { ModelCard } from "./model-card";

const SECTIONS: { id: EntrySection; title: string }[] = [
  { id: "parts", title: "Model parts" },
  { id: "code", title: "Code" },
  { id: "datasets", title: "Datasets" },
  { id: "docs", title: "Docs" },
  { id: "prompts", title: "Prompts" },
  { id: "mcpServers", title: "MCP servers" },
];

/** Everything a person asks first: what is this, what model, what's inside, what's wrong with it. */
export function KitOverview({ kit, pageRef }: { kit: ModelKitDTO; pageRef: string }) {
  const { view } = kit;
  const filesHref = (layer: string) => kitHref(pageRef, { tab: "files", layer });
  return (
    <div className="stack">
      <KitRejections issues={view.kitRejections} />
      {view.warnings.length > 0 ? (
        <div className="alert alert-warn" role="note" aria-label="Warnings">
          <h2>
            {view.warnings.length} {view.warnings.length === 1 ? "warning" : "warnings"}
          </h2>
          <ul>
            {view.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.format === "image" || view.format === "artifact" ? (
        <NotAModelKit kit={kit} />
      ) : view.format === "index" ? (
        <IndexEntries kit={kit} />
      ) : (
        <KitBody kit={kit} filesHref={filesHref} />
      )}
    </div>
  );
}

function NotAModelKit({ kit }: { kit: ModelKitDTO }) {
  const { view } = kit;
  return (
    <section className="panel" aria-labelledby="not-a-kit">
      <h2 id="not-a-kit">This is not a ModelKit</h2>
      <p>
        This digest is {view.format === "image" ? "a container image" : "an OCI artifact of another kind"}: its config media type is{" "}
        <code>{view.config?.mediaType ?? "missing"}</code>
        {view.artifactType ? (
          <>
            {" "}
            and its artifact type <code>{view.artifactType}</code>
          </>
        ) : null}
        . Kitgate lists it so the repository is complete, but has no Kitfile to show. Its manifest:
      </p>
      <pre className="code">
        <code>{kit.manifestJson}</code>
      </pre>
    </section>
  );
}

function IndexEntries({ kit }: { kit: ModelKitDTO }) {
  const base = `${kit.registry}/${kit.repository}`;
  return (
    <section aria-labelledby="index-entries">
      <h2 id="index-entries">Manifests in this index ({kit.view.indexEntries.length})</h2>
      <Table caption="Manifests in this index">
        <thead>
          <tr>
            <th scope="col">Manifest</th>
            <th scope="col">Tag</th>
            <th scope="col">Platform / type</th>
            <th scope="col">Media type</th>
            <th scope="col" className="num">
              Size
            </th>
          </tr>
        </thead>
        <tbody>
          {kit.view.indexEntries.map((e) => (
            <tr key={e.digest}>
              <td>
                <Link href={kitHref(`${base}@${e.digest}`)} title={e.digest}>
                  <code>{e.digest.slice(0, 19)}</code>
                </Link>
              </td>
              <td>{e.tag ? <span className="chip">{e.tag}</span> : <span className="muted">—</span>}</td>
              <td className="wrap">{e.platform ?? e.artifactType ?? <span className="muted">—</span>}</td>
              <td className="wrap">
                <code>{e.mediaType}</code>
              </td>
              <td className="num">
                <Bytes value={e.size} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

function Field({ label, value }: { label: string; value: string | undefined | null }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function KitBody({ kit, filesHref }: { kit: ModelKitDTO; filesHref: (layer: string) => string }) {
  const { view, parent } = kit;
  const kf = view.kitfile;
  const model = kf?.model;
  const modelEntry = view.entries.find((e) => e.section === "model");
  return (
    <>
      <div className="grid-2">
        <section className="panel" aria-labelledby="pkg">
          <h2 id="pkg">Package</h2>
          {kf?.package ? (
            <dl className="dl">
              <Field label="Name" value={kf.package.name} />
              <Field label="Version" value={kf.package.version} />
              <Field label="Description" value={kf.package.description} />
              <Field label="License" value={kf.package.license} />
              <Field label="Authors" value={kf.package.authors?.join(", ")} />
              <Field label="Kitfile" value={kf.manifestVersion ? `manifestVersion ${kf.manifestVersion}` : undefined} />
              <Field label="Packed by" value={view.cliVersion ? `kit ${view.cliVersion}` : undefined} />
              <Field label="Created" value={view.created} />
            </dl>
          ) : (
            <p className="muted">The Kitfile has no package section.</p>
          )}
          {view.kitfileSource === "synthesised" ? (
            <p className="muted" style={{ marginTop: 8 }}>
              No Kitfile was stored; this one was rebuilt from the manifest.
            </p>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="model">
          <h2 id="model">Model</h2>
          {model ? (
            <>
              <dl className="dl">
                <Field label="Name" value={model.name} />
                <Field label="Framework" value={model.framework} />
                <Field label="Format" value={model.format} />
                <Field label="Version" value={model.version} />
                <Field label="License" value={model.license} />
                <Field label="Description" value={model.description} />
                {model.path ? (
                  <>
                    <dt>Path</dt>
                    <dd>
                      {modelEntry?.layerDigest ? (
                        <Link href={filesHref(modelEntry.layerDigest)}>
                          <code>{model.path}</code>
                        </Link>
                      ) : (
                        <code>{model.path}</code>
                      )}
                      {modelEntry?.external ? (
                        <>
                          {" "}
                          <Badge tone="info">ModelKit reference</Badge>
                        </>
                      ) : null}
                    </dd>
                  </>
                ) : null}
              </dl>
              {model.parameters !== undefined && model.parameters !== null ? (
                <>
                  <h3>Parameters</h3>
                  <pre className="code">
                    <code>{stringify(model.parameters, { indent: 2 }).trimEnd()}</code>
                  </pre>
                </>
              ) : null}
              {model.training || model.validation ? (
                <div data-testid="legacy-model-fields">
                  <h3>
                    Training and validation <Badge tone="neutral" title="Kitfile fields of kit v0.1–v0.2; later kits ignore them">kit v0.2 fields</Badge>
                  </h3>
                  <pre className="code">
                    <code>{stringify({ ...(model.training ? { training: model.training } : {}), ...(model.validation ? { validation: model.validation } : {}) }, { indent: 2 }).trimEnd()}</code>
                  </pre>
                </div>
              ) : null}
            </>
          ) : (
            <p className="muted">No model in this ModelKit.</p>
          )}
        </section>
      </div>
      {view.modelCard ? <ModelCard card={view.modelCard} /> : null}
      {parent ? (
        <section className="panel" aria-labelledby="parent">
          <h2 id="parent">Parent ModelKit</h2>
          <p style={{ margin: 0 }}>
            Built on{" "}
            {parent.href ? (
              <Link href={parent.href}>
                <code>{parent.reference}</code>
              </Link>
            ) : (
              <code>{parent.reference}</code>
            )}
            {parent.digest ? (
              <>
                , which resolves now to <Digest value={parent.digest} />
              </>
            ) : null}
            {parent.error ? <span className="muted"> (could not resolve: {parent.error})</span> : null}
          </p>
        </section>
      ) : null}
      {SECTIONS.map(({ id, title }) => {
        const entries = view.entries.filter((e) => e.section === id);
        if (entries.length === 0) return null;
        return (
          <section key={id} className="panel" aria-labelledby={`sec-${id}`}>
            <h2 id={`sec-${id}`}>
              {title} <span className="muted">{entries.length}</span>
            </h2>
            <ul className="entry-list">
              {entries.map((e) => (
                <EntryRow key={`${e.section}-${e.index}`} entry={e} kitfile={kf} filesHref={filesHref} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function EntryRow({ entry: e, kitfile, filesHref }: { entry: KitEntry; kitfile: Kitfile | null; filesHref: (layer: string) => string }) {
  const preprocessing = e.section === "datasets" ? kitfile?.datasets?.[e.index]?.preprocessing : undefined;
  return (
    <li>
      {e.name ? <strong>{e.name}</strong> : null}
      {e.layerDigest ? (
        <Link href={filesHref(e.layerDigest)} aria-label={`Files of ${e.path}`}>
          <code>{e.path}</code>
        </Link>
      ) : (
        <code>{e.path}</code>
      )}
      {e.type ? <Badge>{e.type}</Badge> : null}
      {e.license ? <Badge tone="neutral">{e.license}</Badge> : null}
      {e.external ? <Badge tone="info">external</Badge> : null}
      {!e.external && !e.layerDigest ? (
        <Badge tone="warn" title="No layer carries this entry">
          no layer
        </Badge>
      ) : null}
      {e.remotePath ? (
        <span className="desc">
          Stored outside the ModelKit at <code>{e.remotePath}</code>
          {e.remoteHash ? (
            <>
              {" "}
              · hash <code>{e.remoteHash}</code>
            </>
          ) : null}
        </span>
      ) : null}
      {e.description ? <span className="desc">{e.description}</span> : null}
      {preprocessing ? (
        <span className="desc" data-testid="legacy-preprocessing">
          Preprocessing: {preprocessing} <Badge tone="neutral" title="Kitfile field of kit v0.1–v0.2; later kits ignore it">kit v0.2 field</Badge>
        </span>
      ) : null}
    </li>
  );
}
