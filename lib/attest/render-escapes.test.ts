// The one place that proves attestation content is never rendered as HTML: hostile strings in every rendered field.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AttestationList } from "@/components/attest/attestation-list";
import { parsePredicate } from "./parse-predicate";
import { SCAN_PREDICATE_TYPE } from "./predicate-types";
import { summariseScan } from "./summarise-scan";
import type { AttestationDTO } from "./types";
import { worstStatus } from "./worst-status";

const EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

function dto(predicateType: string, predicate: unknown): AttestationDTO {
  return {
    id: predicateType,
    source: "cosign-att-tag",
    manifestDigest: null,
    envelope: "dsse",
    predicateType,
    predicateTypeHint: null,
    status: "verified",
    statusReason: EVIL,
    signer: { keyName: EVIL },
    subjectDigests: [],
    createdAt: EVIL,
    predicate,
    summary: summariseScan(predicateType, predicate),
  };
}

describe("attestation rendering", () => {
  it("escapes hostile strings from every predicate renderer and the JSON tree", () => {
    const list = [
      dto(SCAN_PREDICATE_TYPE, { evaluations: [{ tool: { name: EVIL, version: EVIL }, metrics: [{ name: EVIL, value: EVIL }], findings: [{ id: EVIL, severity: EVIL, message: EVIL }], execution: { configuration: { [EVIL]: EVIL } } }] }),
      dto("https://spdx.dev/Document", { name: EVIL, packages: [{ name: EVIL, licenseConcluded: EVIL }] }),
      dto("https://slsa.dev/provenance/v1", { runDetails: { builder: { id: EVIL } } }),
      dto("https://openvex.dev/ns", { statements: [{ vulnerability: EVIL, status: EVIL }] }),
      dto("https://example.com/unknown", { [EVIL]: [EVIL, { nested: EVIL }] }),
    ];
    const html = renderToStaticMarkup(createElement(AttestationList, { panel: { badge: worstStatus(list), items: list.map((a) => ({ ...a, view: parsePredicate(a.predicateType, a.predicate) })) } }));
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;img src=x");
  });
});
