import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import type { Actor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors";

const logDir = mkdtempSync(path.join(tmpdir(), "kitgate-define-route-"));
const logFile = path.join(logDir, "checks.jsonl");
const actor = vi.hoisted(() => ({ current: null as unknown }));

vi.mock("@/lib/data/get-actor", () => ({
  getActor: async () => {
    if (actor.current instanceof Error) throw actor.current;
    return actor.current;
  },
}));
vi.mock("@/lib/env", async (original) => {
  const real = (await original()) as { env: Record<string, unknown> };
  return { env: { ...real.env, KITGATE_VALIDATE_RESPONSES: "1", KITGATE_VALIDATE_RESPONSES_LOG: logFile } };
});

const { defineRoute } = await import("./define-route");
const { checkResponse } = await import("./check-response");

const viewer: Actor = { id: "u1", name: "Vera", kind: "user", groups: [] };
const anonymous: Actor = { id: "anonymous", name: "Anonymous", kind: "anonymous", groups: [] };
const BASE = "http://127.0.0.1:3000/api/v1";
const noParams = { params: Promise.resolve({}) };

const listThings = endpoint({
  method: "GET",
  path: "/things",
  tag: "browse",
  summary: "Things",
  access: { permission: "repository.read", signIn: false },
  query: z.object({ name: z.string().min(2), limit: z.coerce.number().int().max(5).optional() }),
  response: { kind: "json", status: 200, schema: z.strictObject({ items: z.array(z.string()) }), description: "Things" },
  errors: ["NOT_FOUND"],
});

const createThing = endpoint({
  method: "POST",
  path: "/things/{id}",
  tag: "approvals",
  summary: "Make one",
  access: { signIn: true },
  params: z.object({ id: z.string().regex(/^[a-z]+$/) }),
  body: { schema: z.strictObject({ word: z.string().max(10) }), maxBytes: 64 },
  response: { kind: "json", status: 201, schema: z.strictObject({ id: z.string(), word: z.string() }), description: "Made" },
  errors: ["CONFLICT"],
});

function post(url: string, body: string, headers: Record<string, string> = { Origin: "http://127.0.0.1:3000" }) {
  return new Request(url, { method: "POST", body, headers: { "Content-Type": "application/json", ...headers } });
}

beforeEach(() => {
  actor.current = viewer;
  rmSync(logFile, { force: true });
});
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

describe("defineRoute", () => {
  it("validates the query (first value of a repeated key wins) and passes typed values and the caller to the handler", async () => {
    const handler = vi.fn(async ({ query, actor: who }: { query: { name: string; limit?: number }; actor: Actor }) => ({ items: [query.name, String(query.limit), who.name] }));
    const GET = defineRoute(listThings, handler);
    const res = await GET(new Request(`${BASE}/things?name=ab&name=zz&limit=3`), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(await res.json()).toEqual({ items: ["ab", "3", "Vera"] });
    expect(GET.endpoint).toBe(listThings);
  });

  it("answers 422 naming the bad parameter, and never calls the handler", async () => {
    const handler = vi.fn();
    const res = await defineRoute(listThings, handler)(new Request(`${BASE}/things?name=a&limit=9`), noParams);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("UNPROCESSABLE");
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["limit", "name"]);
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a bad token (401) before looking at the input", async () => {
    actor.current = new AppError("UNAUTHENTICATED", "Unknown API token");
    const res = await defineRoute(listThings, vi.fn())(new Request(`${BASE}/things?name=a`), noParams);
    expect(res.status).toBe(401);
  });

  it("refuses anonymous callers where sign-in is documented, before reading the body", async () => {
    actor.current = anonymous;
    const res = await defineRoute(createThing, vi.fn())(post(`${BASE}/things/abc`, "not json"), { params: Promise.resolve({ id: "abc" }) });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses cross-site cookie mutations, lets bearer-token calls through", async () => {
    const handler = vi.fn(async ({ params, body }: { params: { id: string }; body: { word: string } }) => ({ id: params.id, word: body.word }));
    const POST = defineRoute(createThing, handler);
    const forged = await POST(post(`${BASE}/things/abc`, '{"word":"hi"}', { Origin: "https://evil.example" }), { params: Promise.resolve({ id: "abc" }) });
    expect(forged.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    const ci = await POST(post(`${BASE}/things/abc`, '{"word":"hi"}', { Authorization: "Bearer kg_x" }), { params: Promise.resolve({ id: "abc" }) });
    expect(ci.status).toBe(201);
    expect(ci.headers.get("cache-control")).toBe("no-store");
    expect(await ci.json()).toEqual({ id: "abc", word: "hi" });
  });

  it("caps the body before parsing it, and says when it is not JSON or not valid", async () => {
    const POST = defineRoute(createThing, async ({ params, body }) => ({ id: params.id, word: body.word }));
    const ctx = { params: Promise.resolve({ id: "abc" }) };
    expect((await POST(post(`${BASE}/things/abc`, JSON.stringify({ word: "x".repeat(100) })), ctx)).status).toBe(413);
    expect((await POST(post(`${BASE}/things/abc`, "{word"), ctx)).status).toBe(400);
    const unknownKey = await POST(post(`${BASE}/things/abc`, '{"word":"a","admin":true}'), ctx);
    expect(unknownKey.status).toBe(422);
    const badParam = await POST(post(`${BASE}/things/ABC`, '{"word":"a"}'), { params: Promise.resolve({ id: "ABC" }) });
    expect((await badParam.json()).error.issues[0].path).toBe("id");
  });

  it("hides a handler's unexpected failure behind a generic 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await defineRoute(listThings, async () => {
      throw new Error("password=hunter2");
    })(new Request(`${BASE}/things?name=ab`), noParams);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("hunter2");
  });

  it("serves empty (204) and download responses with their headers", async () => {
    const revoke = endpoint({ method: "DELETE", path: "/things/{id}", tag: "tokens", summary: "Gone", access: { signIn: true }, params: z.object({ id: z.string() }), response: { kind: "empty", status: 204, description: "Gone" }, errors: [] });
    const gone = await defineRoute(revoke, async () => {})(new Request(`${BASE}/things/a`, { method: "DELETE", headers: { Authorization: "Bearer kg_x" } }), { params: Promise.resolve({ id: "a" }) });
    expect(gone.status).toBe(204);
    expect(await gone.text()).toBe("");

    const report = endpoint({ method: "GET", path: "/report", tag: "audit", summary: "Report", access: { signIn: false }, response: { kind: "download", status: 200, contentTypes: { "text/csv": "rows" }, description: "CSV" }, errors: [] });
    const file = await defineRoute(report, async () => ({ body: "a,b\n", contentType: "text/csv; charset=utf-8", filename: 'x"; evil=.csv' }))(new Request(`${BASE}/report`), noParams);
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="x___evil_.csv"');
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await file.text()).toBe("a,b\n");
  });
});

describe("response contract check (KITGATE_VALIDATE_RESPONSES=1)", () => {
  const lines = () => readFileSync(logFile, "utf8").trim().split("\n").map((l) => JSON.parse(l));

  it("passes a conforming response through unchanged and records the check", async () => {
    const res = await defineRoute(listThings, async () => ({ items: ["a"] }))(new Request(`${BASE}/things?name=ab`), noParams);
    expect(res.status).toBe(200);
    expect(lines()).toEqual([{ operationId: null, method: "GET", path: "/api/v1/things", status: 200, code: null, problems: [] }]);
  });

  it("turns an undocumented field into a loud 500 that names it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const sneaky = async () => ({ items: ["a"], secret: "x" }) as unknown as { items: string[] };
    const res = await defineRoute(listThings, sneaky)(new Request(`${BASE}/things?name=ab`), noParams);
    expect(res.status).toBe(500);
    expect(res.headers.get("x-kitgate-contract-violation")).toBe("1");
    expect((await res.json()).error.message).toMatch(/GET \/things answered 200: body unknown key\(s\) "secret"/);
    expect(lines()[0].problems).toHaveLength(1);
  });

  it("flags a wrong type, an undocumented error code, and a route served at the wrong path", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const wrongType = await defineRoute(listThings, async () => ({ items: [1] }) as unknown as { items: string[] })(new Request(`${BASE}/things?name=ab`), noParams);
    expect((await wrongType.json()).error.message).toMatch(/items\[0\]/);

    const conflict = await defineRoute(listThings, async () => {
      throw new AppError("CONFLICT", "nope");
    })(new Request(`${BASE}/things?name=ab`), noParams);
    expect((await conflict.json()).error.message).toMatch(/error code CONFLICT is not documented/);

    const elsewhere = await checkResponse(listThings, new Request(`${BASE}/other`), Response.json({ items: [] }));
    expect((await elsewhere.json()).error.message).toMatch(/served at \/api\/v1\/other/);
  });

  it("accepts documented errors with their table status", async () => {
    const res = await defineRoute(listThings, async () => {
      throw new AppError("NOT_FOUND", "no such thing");
    })(new Request(`${BASE}/things?name=ab`), noParams);
    expect(res.status).toBe(404);
    expect(lines()[0]).toMatchObject({ status: 404, code: "NOT_FOUND", problems: [] });
  });
});
