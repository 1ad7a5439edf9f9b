import "server-only";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Readable } from "node:stream";
import { Agent, request } from "undici";
import { AppError } from "@/lib/errors";
import { currentBudget } from "@/lib/http/request-budget";
import { currentRequestContext } from "@/lib/observability/request-context";
import type { Fetcher } from "@/lib/oci/types";

/**
 * Addresses no registry, CDN or token service lives at, but cloud metadata services do: a registry (or a
 * redirect it sends) pointing there would make Kitgate fetch instance credentials. Loopback and private
 * ranges stay allowed: registries on the same host or network are normal.
 */
const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet("169.254.0.0", 16, "ipv4"); // link-local: AWS/GCP/Azure/OpenStack metadata
FORBIDDEN.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata
FORBIDDEN.addSubnet("0.0.0.0", 8, "ipv4"); // "this network": connects to the local host on Linux
FORBIDDEN.addSubnet("fe80::", 10, "ipv6"); // link-local
FORBIDDEN.addSubnet("fd00:ec2::", 32, "ipv6"); // AWS IMDS over IPv6

/** The address unwrapped from `::ffff:a.b.c.d`, so a mapped IPv4 metadata address is caught too. */
export function isForbiddenAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return FORBIDDEN.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return false;
  return FORBIDDEN.check(address, family === 4 ? "ipv4" : "ipv6");
}

function forbidden(host: string, address: string): AppError {
  return new AppError("UPSTREAM", `refused to connect to ${host} (${address}): link-local and cloud metadata addresses are never contacted`, {
    details: { host, address },
  });
}

/**
 * DNS lookup that refuses forbidden addresses after resolution, so a name that resolves (or re-resolves,
 * DNS rebinding) to a metadata address is refused at connect time, not only when the URL is checked.
 */
function guardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isForbiddenAddress(a.address));
    if (bad) return callback(forbidden(hostname, bad.address) as unknown as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
}

export interface EdgeOptions {
  /** TCP + TLS handshake */
  connectTimeoutMs: number;
  /** from the request being sent until the response headers */
  headersTimeoutMs: number;
  /** longest silence between two body chunks (a stalled body); the request budget bounds the whole body */
  bodyIdleTimeoutMs: number;
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * undici's body as a web stream, by hand: `Readable.toWeb` lets undici's "Request aborted" (emitted when an
 * unfinished body is destroyed, e.g. a discarded 503 or a HEAD) and late controller errors escape as uncaught
 * exceptions. Here every error is observed: it reaches the reader, or nobody wanted the body any more.
 */
function toWebStream(body: Readable): ReadableStream<Uint8Array> {
  body.on("error", () => {});
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        } catch (e) {
          try {
            controller.error(e);
          } catch {
            // already cancelled: the reader is gone
          }
        }
      },
      cancel() {
        body.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

/**
 * The bottom of the transport stack: one undici Agent per registry context, NOT the global `fetch`. Next.js
 * patches the global fetch for its data cache and request memoisation; inside a server-component render it
 * dedupes GETs by URL (a retry of a 503 got the same 503 back) and tees every body, so cancelling the branch
 * Kitgate holds never settles (the other branch is never read) and the request hangs. undici's own `request`
 * is untouched by that patch, and its Agent carries connect, headers and body-idle timeouts of its own.
 *
 * The request's signal and the current request budget's signal both abort the socket, body included.
 */
export function createEdgeFetcher(options: EdgeOptions): Fetcher {
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs, lookup: guardedLookup as never },
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyIdleTimeoutMs,
    // registries are few and reused: keep sockets warm, but do not hold idle ones forever
    keepAliveTimeout: 10_000,
  });

  return async (req) => {
    const url = new URL(req.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("UPSTREAM", `unsupported scheme ${url.protocol}`);
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(literal) && isForbiddenAddress(literal)) throw forbidden(url.host, literal);

    const budget = currentBudget();
    const controller = new AbortController();
    const abort = (signal: AbortSignal) => controller.abort(signal.reason);
    const sources = [req.signal, budget?.signal].filter((s): s is AbortSignal => s !== undefined);
    for (const s of sources) {
      if (s.aborted) abort(s);
      else s.addEventListener("abort", () => abort(s), { once: true });
    }
    const body = req.body !== null && req.method !== "GET" && req.method !== "HEAD" ? Buffer.from(await req.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    req.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // the registry's own logs can then be matched with Kitgate's for the request that caused the call
    const context = currentRequestContext();
    if (context && headers["x-request-id"] === undefined) headers["x-request-id"] = context.requestId;
    const res = await request(url, {
      method: req.method as "GET",
      headers,
      ...(body ? { body } : {}),
      signal: controller.signal,
      dispatcher: agent,
    });
    res.body.on("error", () => {});
    const webBody = req.method === "HEAD" || NULL_BODY_STATUS.has(res.statusCode) ? (res.body.destroy(), null) : toWebStream(res.body);
    const out = new Response(webBody, { status: res.statusCode, headers: toHeaders(res.headers) });
    // Link and Location headers are resolved against the URL that answered, as fetch's Response.url is.
    Object.defineProperty(out, "url", { value: url.toString() });
    return out;
  };
}
