import { describe, expect, it } from "vitest";
import { createRouteLabeler } from "./route-label";

const routes = [
  "/",
  "/approvals",
  "/approvals/[id]",
  "/api/v1/approvals/[id]",
  "/api/v1/approvals/[id]/decision",
  "/api/v1/openapi.json",
  "/registries/[registry]",
  "/repositories/[registry]/[...repository]",
  "/api/auth/[...nextauth]",
  "/metrics",
];

describe("route labels for metrics", () => {
  const routeOf = createRouteLabeler(routes);

  it("names the template, not the path, so ids and repository names do not become series", () => {
    expect(routeOf("/approvals/cm1234")).toBe("/approvals/[id]");
    expect(routeOf("/api/v1/approvals/cm1234/decision")).toBe("/api/v1/approvals/[id]/decision");
    expect(routeOf("/repositories/local/demo/fraud-detection")).toBe("/repositories/[registry]/[...repository]");
    expect(routeOf("/api/auth/callback/local")).toBe("/api/auth/[...nextauth]");
  });

  it("prefers static routes, and a single parameter over a catch-all", () => {
    expect(routeOf("/approvals")).toBe("/approvals");
    expect(routeOf("/approvals/")).toBe("/approvals");
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/api/v1/openapi.json")).toBe("/api/v1/openapi.json");
    expect(routeOf("/api/v1/openapixjson")).toBe("unmatched");
    expect(createRouteLabeler(["/a/[...rest]", "/a/[id]"])("/a/x")).toBe("/a/[id]");
    expect(createRouteLabeler(["/a/[...rest]", "/a/[id]"])("/a/x/y")).toBe("/a/[...rest]");
  });

  it("groups Next's static files by prefix and never echoes an unknown path", () => {
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(routeOf("/wp-admin/setup.php")).toBe("unmatched");
    expect(routeOf("/registries")).toBe("unmatched");
    expect(createRouteLabeler([])("/anything")).toBe("unmatched");
  });
});
