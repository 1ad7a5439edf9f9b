import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { discoverAttestations, discoverAttestationsForBadge, type AttestationRegistry } from "./discover-attestations";
import type { TrustMaterial } from "./trust-types";

const DIGEST = `sha256:${"a".repeat(64)}`;
const trust: TrustMaterial = { keys: [], sigstoreTrustedRoot: null, notationTrustStore: false };

/** A registry without the referrers API and without any signature: every manifest asked for is missing. */
function emptyRegistry(name: string, fail = false) {
  const calls: string[] = [];
  const registry: AttestationRegistry & { name: string } = {
    name,
    capabilities: { catalog: true, referrersApi: false, tagPagination: false, range: true },
    listReferrers: async (_repo, digest) => {
      calls.push(`referrers ${digest}`);
      if (fail) throw new AppError("UPSTREAM_TIMEOUT", `registry ${name} did not answer`);
      return [];
    },
    getManifest: async (_repo, ref) => {
      calls.push(`manifest ${ref}`);
      throw new AppError("NOT_FOUND", "manifest unknown");
    },
    getBlob: async () => {
      throw new Error("unused");
    },
  };
  return { registry, calls };
}

describe("attestation discovery on a versions page", () => {
  it("asks for no signature tag the repository's tag list does not have", async () => {
    const { registry, calls } = emptyRegistry("r1");
    expect(await discoverAttestations(registry, "team/a", DIGEST, trust, { tags: new Set(["1.0", "latest"]) })).toEqual([]);
    expect(calls).toEqual([]);
    await discoverAttestations(registry, "team/a", DIGEST, trust, { tags: new Set([`sha256-${"a".repeat(64)}.sig`]) });
    expect(calls).toEqual([`manifest sha256-${"a".repeat(64)}.sig`]);
  });

  it("memoises a badge's discovery briefly, but never a failure", async () => {
    const ok = emptyRegistry("r2");
    await discoverAttestationsForBadge(ok.registry, "team/a", DIGEST, trust);
    await discoverAttestationsForBadge(ok.registry, "team/a", DIGEST, trust);
    expect(ok.calls.filter((c) => c.startsWith("referrers"))).toHaveLength(1);

    const down = emptyRegistry("r3", true);
    await expect(discoverAttestationsForBadge(down.registry, "team/a", DIGEST, trust)).rejects.toMatchObject({ code: "UPSTREAM_TIMEOUT" });
    await expect(discoverAttestationsForBadge(down.registry, "team/a", DIGEST, trust)).rejects.toMatchObject({ code: "UPSTREAM_TIMEOUT" });
    expect(down.calls.filter((c) => c.startsWith("referrers"))).toHaveLength(2);
  });
});
