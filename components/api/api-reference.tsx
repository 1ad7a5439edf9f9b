import { Fragment, type ReactNode } from "react";
import { Table } from "@/components/ui/table";
import type { OpenApiDocument, OpenApiOperation } from "@/lib/api/openapi";

type JsonSchema = Record<string, unknown>;
/** Nested objects are shown inline this deep; deeper ones (and every named schema) are links. */
const MAX_INLINE_DEPTH = 3;
const METHOD_BADGE: Record<string, string> = { get: "badge-info", post: "badge-ok", put: "badge-warn", patch: "badge-warn", delete: "badge-error" };

/**
 * The browsable API reference: server-rendered from the generated OpenAPI document, so it can never disagree with
 * it. Plain anchors and tables (no script): the keyboard and the browser's find work as everywhere else, and every
 * string is rendered as text (React escapes it).
 */
export function ApiReference({ doc }: { doc: OpenApiDocument }) {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op: op as OpenApiOperation })),
  );
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{doc.info.title}</h1>
          <p className="sub">
            REST API v1 for CI pipelines and scripts, version {doc.info.version}: {operations.length} operations.
          </p>
        </div>
        <a className="btn" href="/api/v1/openapi.json" download="kitgate-openapi.json">
          OpenAPI 3.1 document (JSON)
        </a>
      </div>

      <section className="panel stack" aria-labelledby="api-basics">
        <h2 id="api-basics">Basics</h2>
        <p>
          Base URL <code>{doc.servers[0]?.url}</code> on this server. <Inline text={doc.info.description} />
        </p>
        <p>
          Create an API token on the <a href="/admin/tokens">Tokens page</a> and send it as <code>Authorization: Bearer kg_…</code>. Lists are
          paged: pass a page&apos;s <code>next</code> as <code>cursor</code> to get the following one.
        </p>
      </section>

      <nav className="panel stack" aria-labelledby="api-contents">
        <h2 id="api-contents">Operations</h2>
        {doc.tags.map((tag) => {
          const inTag = operations.filter((o) => o.op.tags.includes(tag.name));
          if (inTag.length === 0) return null;
          return (
            <div key={tag.name} className="stack">
              <h3>
                <a href={`#tag-${tag.name}`}>{tag.description}</a>
              </h3>
              <ul>
                {inTag.map(({ path, method, op }) => (
                  <li key={op.operationId}>
                    <a href={`#${op.operationId}`}>
                      <code>
                        {method.toUpperCase()} {path}
                      </code>
                    </a>{" "}
                    <span className="muted">— <Inline text={op.summary} /></span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        <p>
          <a href="#api-errors">Error codes</a> · <a href="#api-schemas">Schemas</a>
        </p>
      </nav>

      {doc.tags.map((tag) => {
        const inTag = operations.filter((o) => o.op.tags.includes(tag.name));
        if (inTag.length === 0) return null;
        return (
          <section key={tag.name} className="stack" aria-labelledby={`tag-${tag.name}`}>
            <h2 id={`tag-${tag.name}`}>{tag.description}</h2>
            {inTag.map(({ path, method, op }) => (
              <Operation key={op.operationId} path={`${doc.servers[0]?.url ?? ""}${path}`} method={method} op={op} />
            ))}
          </section>
        );
      })}

      <section className="stack" aria-labelledby="api-errors">
        <h2 id="api-errors">Error codes</h2>
        <p>
          Every error is <code>{"{ error: { code, message, issues? } }"}</code>; the status follows from the code. Branch on <code>code</code>, show{" "}
          <code>message</code>.
        </p>
        <Table caption="Error codes">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Status</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(doc.components["x-kitgate-error-codes"]).map(([code, e]) => (
              <tr key={code}>
                <td>
                  <code>{code}</code>
                </td>
                <td>{e.status}</td>
                <td className="wrap">
                  <Inline text={e.description} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      <section className="stack" aria-labelledby="api-schemas">
        <h2 id="api-schemas">Schemas</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <section key={name} id={`schema-${name}`} className="panel stack" aria-labelledby={`schema-${name}-title`}>
            <h3 id={`schema-${name}-title`}>{name}</h3>
            <SchemaView schema={schema} depth={0} />
          </section>
        ))}
      </section>
    </div>
  );
}

function Operation({ path, method, op }: { path: string; method: string; op: OpenApiOperation }) {
  const params = op.parameters ?? [];
  const body = op.requestBody?.content["application/json"].schema;
  return (
    <section id={op.operationId} className="panel stack" aria-labelledby={`${op.operationId}-title`}>
      <h3 id={`${op.operationId}-title`}>
        <span className={`badge ${METHOD_BADGE[method] ?? "badge-neutral"}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p>
        <strong>
          <Inline text={op.summary} />
        </strong>
        {op.description ? (
          <>
            {" "}
            <Inline text={op.description} />
          </>
        ) : null}
      </p>
      <p>
        <span className="muted">Who may call it:</span> <Inline text={op["x-kitgate-access"]} />
      </p>
      {params.length > 0 ? (
        <Table caption={`Parameters of ${op.operationId}`}>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">In</th>
              <th scope="col">Value</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <td>
                  <code>{p.name}</code>
                  {p.required ? <span className="muted"> (required)</span> : null}
                </td>
                <td>{p.in}</td>
                <td className="wrap">
                  <SchemaView schema={p.schema} depth={MAX_INLINE_DEPTH} />
                </td>
                <td className="wrap">{p.description ? <Inline text={p.description} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {body ? (
        <div className="stack">
          <h4>
            Request body <span className="muted">(JSON, at most {formatBytes(op["x-kitgate-body-limit"] ?? 0)})</span>
          </h4>
          <SchemaView schema={body} depth={0} />
        </div>
      ) : null}
      <h4>Responses</h4>
      <Table caption={`Responses of ${op.operationId}`}>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Meaning</th>
            <th scope="col">Body</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(op.responses).map(([status, r]) => (
            <tr key={status}>
              <td>{status}</td>
              <td className="wrap">
                <Inline text={r.description} />
              </td>
              <td className="wrap">
                {Object.entries(r.content ?? {}).map(([type, c]) => (
                  <div key={type}>
                    {type === "application/json" ? null : <code>{type}</code>}{" "}
                    <SchemaView schema={c.schema} depth={Number(status) >= 400 ? MAX_INLINE_DEPTH : 1} />
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p>
        <a href="#api-contents">Back to the operations</a>
      </p>
    </section>
  );
}

/** A JSON Schema as a type summary; objects as a field table while shallow, named schemas as links. */
function SchemaView({ schema, depth }: { schema: unknown; depth: number }): ReactNode {
  const s = (schema ?? {}) as JsonSchema;
  const alternatives = s.anyOf as JsonSchema[] | undefined;
  const nonNull = alternatives?.filter((a) => a.type !== "null");
  if (alternatives && nonNull?.length === 1 && alternatives.length === 2) {
    return (
      <>
        <SchemaView schema={nonNull[0]} depth={depth} /> <span className="muted">or null</span>
      </>
    );
  }
  const properties = s.properties as Record<string, JsonSchema> | undefined;
  if (properties && depth < MAX_INLINE_DEPTH) {
    const required = new Set((s.required as string[] | undefined) ?? []);
    return (
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(properties).map(([name, prop]) => (
            <tr key={name}>
              <td>
                <code>{name}</code>
                {required.has(name) ? null : <span className="muted"> optional</span>}
              </td>
              <td className="wrap">
                <SchemaView schema={{ ...prop, description: undefined }} depth={depth + 1} />
              </td>
              <td className="wrap">{typeof prop.description === "string" ? <Inline text={prop.description} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return <>{typeLabel(s, depth)}</>;
}

function typeLabel(s: JsonSchema, depth: number): ReactNode {
  if (typeof s.$ref === "string") {
    const name = s.$ref.replace("#/components/schemas/", "");
    return <a href={`#schema-${name}`}>{name}</a>;
  }
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return joinNodes(alternatives.map((a) => typeLabel(a, depth)), " or ");
  if (Array.isArray(s.enum)) return joinNodes(s.enum.map((v) => <code key={String(v)}>{JSON.stringify(v)}</code>), " | ");
  if ("const" in s) return <code>{JSON.stringify(s.const)}</code>;
  const type = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  if (type.includes("array")) {
    const rest = type.filter((t) => t !== "array");
    return (
      <>
        array of <SchemaView schema={s.items} depth={depth + 1} />
        {rest.length ? ` or ${rest.join(" or ")}` : null}
        {limits(s)}
      </>
    );
  }
  if (type.includes("object") && s.properties) return <>object ({Object.keys(s.properties as object).length} fields)</>;
  if (type.includes("object") && s.additionalProperties && typeof s.additionalProperties === "object") {
    return (
      <>
        map of <SchemaView schema={s.additionalProperties} depth={depth + 1} />
      </>
    );
  }
  if (type.length === 0) return <span className="muted">any JSON</span>;
  return (
    <>
      {type.join(" or ")}
      {limits(s)}
    </>
  );
}

/** Constraints a caller must respect, in words. */
function limits(s: JsonSchema): ReactNode {
  const parts: ReactNode[] = [];
  if (typeof s.minLength === "number" || typeof s.maxLength === "number") parts.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} chars`);
  if (typeof s.minimum === "number" || typeof s.maximum === "number") parts.push(`${s.minimum ?? "−∞"}–${s.maximum ?? "∞"}`);
  if (typeof s.minItems === "number" || typeof s.maxItems === "number") parts.push(`${s.minItems ?? 0}–${s.maxItems ?? "∞"} items`);
  if (typeof s.pattern === "string") parts.push(<code key="p">{s.pattern}</code>);
  if (typeof s.format === "string") parts.push(s.format);
  if (parts.length === 0) return null;
  return <span className="muted"> ({joinNodes(parts, ", ")})</span>;
}

function joinNodes(nodes: ReactNode[], separator: string): ReactNode {
  return nodes.map((n, i) => (
    <Fragment key={i}>
      {i > 0 ? separator : null}
      {n}
    </Fragment>
  ));
}

/** `backticks` become code; everything stays text. */
function Inline({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}

function formatBytes(n: number): string {
  return n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`;
}
