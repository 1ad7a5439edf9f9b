import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { ApiReference } from "./api-reference";

describe("ApiReference", () => {
  const doc = buildOpenApiDocument();

  it("has an anchored section for every operation and every named schema, linked from the contents", () => {
    const html = renderToStaticMarkup(createElement(ApiReference, { doc }));
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(html).toContain(`id="${op!.operationId}"`);
        expect(html).toContain(`href="#${op!.operationId}"`);
      }
    }
    for (const name of Object.keys(doc.components.schemas)) expect(html).toContain(`id="schema-${name}"`);
    // every schema link points at an anchor that exists
    const targets = [...html.matchAll(/href="#(schema-[^"]+)"/g)].map((m) => m[1]!);
    expect(targets.filter((t) => !html.includes(`id="${t}"`))).toEqual([]);
  });

  it("renders text as text: markup in the document is escaped, backticks become code", () => {
    const hostile = structuredClone(doc);
    hostile.paths["/registries"]!.get!.summary = 'List `registries` <img src=x onerror="alert(1)"><script>alert(2)</script>';
    const html = renderToStaticMarkup(createElement(ApiReference, { doc: hostile }));
    expect(html).not.toContain("<script>alert(2)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain("List <code>registries</code>");
  });
});
