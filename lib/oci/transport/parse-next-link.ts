// Pure. RFC 8288 `Link` parsing, reduced to what distribution uses: `<url>; rel="next"`.

/**
 * The `rel="next"` target of a `Link` header, resolved against `base`. Links to another origin are
 * ignored: following them would send this registry's credentials to a host the registry chose.
 */
export function parseNextLink(header: string | null, base: string): URL | null {
  if (!header) return null;
  const origin = new URL(base).origin;
  for (const part of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const params = part[2] ?? "";
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(params)?.[1];
    if (!rel || !rel.split(/\s+/).includes("next")) continue;
    let url: URL;
    try {
      url = new URL(part[1]!, base);
    } catch {
      return null;
    }
    return url.origin === origin ? url : null;
  }
  return null;
}
