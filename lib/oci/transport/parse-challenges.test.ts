import { describe, expect, it } from "vitest";
import { parseChallenges } from "@/lib/oci/transport/parse-challenges";

describe("parseChallenges", () => {
  it("reads a distribution Bearer challenge with a comma inside the quoted scope", () => {
    const [c] = parseChallenges(
      'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:team/a:pull,push"',
    );
    expect(c).toEqual({
      scheme: "bearer",
      params: { realm: "https://auth.example/token", service: "registry.example", scope: "repository:team/a:pull,push" },
    });
  });

  it("unescapes quoted-pairs and keeps commas and '=' inside quotes", () => {
    const [c] = parseChallenges('Bearer realm="https://a/t?x=1,y=2", error="invalid \\"token\\", try again"');
    expect(c?.params.realm).toBe("https://a/t?x=1,y=2");
    expect(c?.params.error).toBe('invalid "token", try again');
  });

  it("splits several challenges in one header and lower-cases scheme and parameter names", () => {
    const all = parseChallenges('Basic realm="Registry Realm", BEARER Realm="https://t", Service=svc');
    expect(all.map((c) => c.scheme)).toEqual(["basic", "bearer"]);
    expect(all[0]?.params).toEqual({ realm: "Registry Realm" });
    expect(all[1]?.params).toEqual({ realm: "https://t", service: "svc" });
  });

  it("tolerates spaces around '=' and unquoted values", () => {
    const [c] = parseChallenges("Bearer realm = https://t , service = s");
    expect(c?.params).toEqual({ realm: "https://t", service: "s" });
  });

  it("returns nothing for an empty header and survives an unterminated quote", () => {
    expect(parseChallenges("")).toEqual([]);
    expect(parseChallenges('Bearer realm="https://t')[0]?.params.realm).toBe("https://t");
  });
});
