import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverWebhook } from "./deliver-webhook";
import { signWebhook } from "./sign-webhook";
import { verifyWebhookSignature } from "./verify-webhook-signature";

interface Received {
  headers: IncomingMessage["headers"];
  body: string;
  verified: ReturnType<typeof verifyWebhookSignature>;
}

const SECRET = "s3cret-for-tests";
let server: Server;
let url: string;
let received: Received[];
let statuses: number[];

beforeEach(async () => {
  received = [];
  statuses = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const verified = verifyWebhookSignature({
        secret: SECRET,
        body,
        signature: req.headers["x-kitgate-signature"] as string,
        timestamp: req.headers["x-kitgate-timestamp"] as string,
      });
      received.push({ headers: req.headers, body, verified });
      res.statusCode = statuses.shift() ?? (verified.ok ? 204 : 401);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterEach(async () => {
  await new Promise((r) => server.close(r));
});

describe("deliverWebhook", () => {
  it("posts a body the loopback receiver verifies with the shared secret", async () => {
    const results = await deliverWebhook(
      "decision",
      { digest: "sha256:abc", environment: "production", decision: "approve" },
      { webhooks: [{ url, secret: SECRET, events: ["decision"] }] },
    );
    expect(results).toEqual([{ url, ok: true, attempts: 1, status: 204 }]);
    expect(received).toHaveLength(1);
    expect(received[0]!.verified).toEqual({ ok: true });
    expect(received[0]!.headers["x-kitgate-event"]).toBe("decision");
    const body = JSON.parse(received[0]!.body);
    expect(body).toMatchObject({ event: "decision", data: { digest: "sha256:abc", environment: "production" } });
    expect(received[0]!.headers["x-kitgate-delivery"]).toBe(body.id);
  });

  it("a receiver with the wrong secret rejects the delivery, and 4xx is not retried", async () => {
    const results = await deliverWebhook("request", { x: 1 }, { webhooks: [{ url, secret: "other", events: ["request"] }] });
    expect(received[0]!.verified).toEqual({ ok: false, reason: "mismatch" });
    expect(results[0]).toMatchObject({ ok: false, attempts: 1, status: 401 });
  });

  it("retries a 5xx and stops after the first success", async () => {
    statuses = [503];
    const results = await deliverWebhook("promotion", {}, { webhooks: [{ url, secret: SECRET, events: ["promotion"] }], backoffMs: 1 });
    expect(results[0]).toMatchObject({ ok: true, attempts: 2 });
    expect(received).toHaveLength(2);
    expect(received.every((r) => r.verified.ok)).toBe(true);
  });

  it("gives up after the bounded number of attempts", async () => {
    statuses = [500, 500, 500, 500, 500];
    const results = await deliverWebhook("drift", {}, { webhooks: [{ url, secret: SECRET, events: ["drift"] }], backoffMs: 1 });
    expect(results[0]).toMatchObject({ ok: false, attempts: 3, status: 500 });
    expect(received).toHaveLength(3);
  });

  it("sends only to hooks subscribed to the event", async () => {
    const results = await deliverWebhook("revocation", {}, { webhooks: [{ url, secret: SECRET, events: ["decision"] }] });
    expect(results).toEqual([]);
    expect(received).toHaveLength(0);
  });

  it("an unreachable receiver is reported, not thrown", async () => {
    await new Promise((r) => server.close(r));
    const results = await deliverWebhook("request", {}, { webhooks: [{ url, secret: SECRET, events: ["request"] }], backoffMs: 1 });
    expect(results[0]).toMatchObject({ ok: false, attempts: 3 });
    expect(results[0]!.error).toBeTruthy();
    server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  });
});

describe("verifyWebhookSignature", () => {
  it("rejects a replay with an old timestamp even though the MAC is right", () => {
    const body = '{"a":1}';
    const ts = 1_700_000_000;
    const signature = signWebhook(SECRET, ts, body);
    expect(verifyWebhookSignature({ secret: SECRET, body, signature, timestamp: String(ts), nowSeconds: ts + 10 })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ secret: SECRET, body, signature, timestamp: String(ts), nowSeconds: ts + 3600 })).toEqual({ ok: false, reason: "stale" });
  });

  it("rejects a body altered after signing and a timestamp swapped in", () => {
    const ts = 1_700_000_000;
    const signature = signWebhook(SECRET, ts, '{"a":1}');
    expect(verifyWebhookSignature({ secret: SECRET, body: '{"a":2}', signature, timestamp: String(ts), nowSeconds: ts })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ secret: SECRET, body: '{"a":1}', signature, timestamp: String(ts + 1), nowSeconds: ts })).toEqual({ ok: false, reason: "mismatch" });
  });
});
