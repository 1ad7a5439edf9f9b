import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_REDIRECTS } from "@/lib/oci/limits";
import type { Fetcher } from "@/lib/oci/types";
import { discardBody } from "@/lib/oci/transport/discard-body";
import { holdForCall } from "@/lib/oci/transport/hold-for-call";

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * Follows redirects on purpose (`redirect: "manual"`), because blob GETs are routinely redirected to
 * object storage: at most MAX_REDIRECTS hops, and `Authorization` is dropped as soon as the origin changes
 * so registry credentials never reach the storage host. A redirect to another origin must be https, unless
 * the registry itself is configured over http (a lab or loopback setup), and never from https down to http.
 * Link-local and metadata addresses are refused by the edge fetcher. Requests with a body are not followed
 * (the body cannot be replayed); their 3xx is returned to the caller.
 */
export function withRedirects(next: Fetcher, maxRedirects = MAX_REDIRECTS): Fetcher {
  return async (req) => {
    let current = new Request(req, { redirect: "manual" });
    const firstOrigin = new URL(req.url).origin;
    // Each hop's Request follows the previous one's signal: all of them link the caller's abort to the call.
    const hops: Request[] = [];
    for (let hop = 0; ; hop++) {
      hops.push(current);
      const res = await holdForCall(next, current, req, hops);
      if (!REDIRECT.has(res.status) || current.body !== null) return res;
      const location = res.headers.get("location");
      if (!location) return res;
      discardBody(res);
      if (hop >= maxRedirects) {
        throw new AppError("UPSTREAM", `too many redirects (> ${maxRedirects}) from ${firstOrigin}`);
      }
      let target: URL;
      try {
        target = new URL(location, current.url);
      } catch {
        throw new AppError("UPSTREAM", `redirect to an invalid location from ${new URL(current.url).origin}`);
      }
      if (target.protocol !== "http:" && target.protocol !== "https:") {
        throw new AppError("UPSTREAM", `redirect to unsupported scheme ${target.protocol}`);
      }
      const from = new URL(current.url);
      if (target.protocol === "http:" && target.origin !== from.origin && (from.protocol === "https:" || new URL(req.url).protocol === "https:")) {
        throw new AppError("UPSTREAM", `${firstOrigin} redirected to ${target.origin}: only https targets are followed from an https registry`);
      }
      const headers = new Headers(current.headers);
      if (target.origin !== new URL(current.url).origin) {
        headers.delete("authorization");
        headers.delete("cookie");
      }
      const method = res.status === 303 && current.method !== "HEAD" ? "GET" : current.method;
      current = new Request(target, { method, headers, signal: current.signal, redirect: "manual" });
    }
  };
}
