import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { runWithRequestContext } from "./request-context";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { stream, lines, raw };
}

describe("the JSON logger", () => {
  it("writes one JSON object per line with level, time and message", () => {
    const out = capture();
    createLogger("info", out.stream).info({ registry: "acme" }, "hello");
    expect(out.lines).toEqual([expect.objectContaining({ level: "info", msg: "hello", registry: "acme", service: "kitgate" })]);
    expect(typeof out.lines[0]!.time).toBe("string");
  });

  it("stamps every line written during a request with its id, and none outside", async () => {
    const out = capture();
    const log = createLogger("info", out.stream);
    log.info("before");
    await runWithRequestContext({ requestId: "req-12345678" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      log.info("inside, after an await");
    });
    expect(out.lines.map((l) => [l.msg, l.reqId])).toEqual([
      ["before", undefined],
      ["inside, after an await", "req-12345678"],
    ]);
  });

  it("honours LOG_LEVEL and falls back to info for a value it does not know", () => {
    const out = capture();
    createLogger("warn", out.stream).info("dropped");
    createLogger("debug", out.stream).debug("kept");
    createLogger("loud", out.stream).debug("dropped too");
    expect(out.lines.map((l) => l.msg)).toEqual(["kept"]);
  });

  it("never writes credentials, even when a whole object holding them is logged by mistake", () => {
    const out = capture();
    const secrets = ["s3cr3t-password", "Bearer kg_abcdef", "next-auth.session-token=xyz", "ghp_token123", "hmac-key-bytes"];
    createLogger("info", out.stream).error(
      {
        password: secrets[0],
        auth: { type: "basic", username: "alice", password: secrets[0] },
        req: { headers: { authorization: secrets[1], cookie: secrets[2] } },
        registry: { auth: { token: secrets[3] } },
        key: { macKey: secrets[4] },
      },
      "oops",
    );
    expect(out.raw).toHaveLength(1);
    for (const s of secrets) expect(out.raw[0]).not.toContain(s);
    expect(out.lines[0]).toMatchObject({ auth: { username: "alice", password: "[redacted]" }, req: { headers: { authorization: "[redacted]" } } });
  });
});
