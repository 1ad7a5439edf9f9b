import { readFileSync } from "node:fs";
import path from "node:path";

export type RouteLabeler = (pathname: string) => string;

/** Next's own paths that are not app routes, by prefix. */
const NEXT_PREFIXES = ["/_next/static", "/_next/image", "/_next/data"];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `/repositories/[registry]/[...repository]` → a regex over the pathname, and how specific it is. */
function compile(route: string): { route: string; re: RegExp; rank: number } {
  const segments = route.split("/").filter(Boolean);
  let rank = 0;
  const parts = segments.map((s) => {
    if (/^\[\[\.\.\.\w+\]\]$/.test(s)) return (rank += 1000), "(?:/.+)?";
    if (/^\[\.\.\.\w+\]$/.test(s)) return (rank += 100), "/.+";
    if (/^\[\w+\]$/.test(s)) return (rank += 1), "/[^/]+";
    return "/" + escape(s);
  });
  return { route, re: new RegExp(`^${parts.join("") || "/"}/?$`), rank };
}

/**
 * Maps a request path to the route template that serves it, so metrics have one series per route, not per
 * repository or approval id. Static routes win over dynamic ones, single parameters over catch-alls, as in Next.
 * Paths no route matches are `unmatched` (404s, scanners): never the path itself.
 */
export function createRouteLabeler(routes: readonly string[]): RouteLabeler {
  const compiled = [...new Set(routes)].map(compile).sort((a, b) => a.rank - b.rank || b.route.length - a.route.length);
  return (pathname) => {
    const prefix = NEXT_PREFIXES.find((p) => pathname === p || pathname.startsWith(p + "/"));
    if (prefix) return prefix;
    return compiled.find((c) => c.re.test(pathname))?.route ?? "unmatched";
  };
}

/**
 * The labeler for this build: its routes are in `.next/app-path-routes-manifest.json` (written by `next build`,
 * present in the standalone output). Without it (a dev server before the first compile) every path is `unmatched`.
 */
export function loadRouteLabeler(root = process.cwd()): RouteLabeler {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
    return createRouteLabeler(Object.values(manifest));
  } catch {
    return createRouteLabeler([]);
  }
}
