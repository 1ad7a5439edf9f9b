// Small HTTP fronts in front of a real `docker-registry`, for the hostile-registry suite: each one passes the
// distribution API through and misbehaves in exactly one way (a fault, a lie, or a hosted registry's habits), so
// Kitgate's production server can be pointed at it by an ordinary `url:` in kitgate.yaml.
import { createHash, randomBytes } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Fault =
  | "none"
  /** the first GET of each blob answers 503, later ones pass */
  | "blob-503-once"
  /** every blob GET answers 503 */
  | "blob-503-always"
  /** the first GET of each blob answers 429 with `Retry-After: 1` */
  | "blob-429-retry-after"
  /** blob bodies arrive at one byte per second */
  | "blob-slow-body"
  /** the connection is destroyed halfway through each blob body */
  | "blob-reset-mid-body"
  /** blob GETs redirect to themselves, forever */
  | "blob-redirect-loop"
  /** the last byte of every blob body (and range answer covering it) is flipped */
  | "flip-last-byte"
  /** the byte in the middle of every blob is flipped, in full reads and in range answers covering it */
  | "flip-middle-byte"
  /** manifests are answered with a Docker-Content-Digest that is not theirs */
  | "lying-content-digest"
  /** a manifest asked for by digest is answered with another manifest of the repository */
  | "manifest-under-other-digest"
  /** every manifest HEAD by digest answers 200 (as if the registry held every digest); GETs pass through */
  | "claims-every-digest"
  /** requests are accepted and never answered (a registry wedged or restarting behind a load balancer) */
  | "hang";

export interface HostedOptions {
  /** token lifetime in seconds (anonymous tokens, like ghcr.io's) */
  tokenTtlSeconds: number;
}

export interface RegistryFront {
  url: string;
  /** `host:port` of the token service (another port), for `auth.realmHosts` */
  realmHost: string | null;
  /** requests seen, newest last: method + path (+ `auth` when an Authorization header came along) */
  readonly requests: { method: string; path: string; auth: boolean; host: string }[];
  stop(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function fetchUpstream(upstream: string, method: string, path: string, headers: Record<string, string>): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, upstream);
    const req = httpRequest(target, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const BLOB_PATH = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64})$/;
const MANIFEST_PATH = /^\/v2\/(.+)\/manifests\/([^/]+)$/;

function passHeaders(h: Upstream["headers"], drop: string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined || ["connection", "keep-alive", "transfer-encoding", ...drop].includes(k)) continue;
    out[k] = v;
  }
  return out;
}

/** Flips byte `at` of the blob inside a body that holds blob bytes [start, start + body.length). */
function flipAt(body: Buffer, start: number, at: number): Buffer {
  if (at < start || at >= start + body.length) return body;
  const out = Buffer.from(body);
  out[at - start] = out[at - start]! ^ 0xff;
  return out;
}

/** A front that passes everything to `upstream` and misbehaves as `fault` says. */
export async function startFaultFront(
  upstream: string,
  initial: Fault,
): Promise<RegistryFront & { setFault(f: Fault): void; /** forgets which blobs were seen ("once" faults fire again) */ reset(): void }> {
  let fault = initial;
  const requests: RegistryFront["requests"] = [];
  const seenBlobs = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://front");
    const method = req.method ?? "GET";
    requests.push({ method, path: url.pathname, auth: !!req.headers.authorization, host: req.headers.host ?? "" });
    if (fault === "hang") return;
    const fwd: Record<string, string> = {};
    for (const h of ["accept", "range", "authorization"]) if (typeof req.headers[h] === "string") fwd[h] = req.headers[h] as string;
    const blob = BLOB_PATH.exec(url.pathname);
    const manifest = MANIFEST_PATH.exec(url.pathname);

    if (blob && method === "GET") {
      const key = blob[2]!;
      const first = !seenBlobs.has(key);
      seenBlobs.add(key);
      if (fault === "blob-503-always" || (fault === "blob-503-once" && first)) {
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ code: "UNAVAILABLE", message: "try later" }] }));
        return;
      }
      if (fault === "blob-429-retry-after" && first) {
        res.writeHead(429, { "retry-after": "1", "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ code: "TOOMANYREQUESTS", message: "slow down" }] }));
        return;
      }
      if (fault === "blob-redirect-loop") {
        res.writeHead(307, { location: `${url.pathname}?hop=${randomBytes(4).toString("hex")}` });
        res.end();
        return;
      }
    }

    if (manifest && method === "HEAD" && fault === "claims-every-digest" && manifest[2]!.startsWith("sha256:")) {
      res.writeHead(200, {
        "docker-content-digest": manifest[2]!,
        "content-type": "application/vnd.oci.image.manifest.v1+json",
        "content-length": "512",
      });
      res.end();
      return;
    }

    const up = await fetchUpstream(upstream, method, `${url.pathname}${url.search}`, fwd);
    let body = up.body;
    const headers = passHeaders(up.headers);

    if (blob && method === "GET" && up.status >= 200 && up.status < 300) {
      const start = up.status === 206 ? Number(/bytes (\d+)-/.exec(String(up.headers["content-range"] ?? ""))?.[1] ?? 0) : 0;
      const total = Number(/\/(\d+)$/.exec(String(up.headers["content-range"] ?? ""))?.[1] ?? body.length);
      if (fault === "flip-last-byte") body = flipAt(body, start, total - 1);
      if (fault === "flip-middle-byte") body = flipAt(body, start, Math.floor(total / 2));
      if (fault === "blob-slow-body") {
        res.writeHead(up.status, headers);
        let i = 0;
        const timer = setInterval(() => {
          if (res.destroyed || i >= body.length) {
            clearInterval(timer);
            if (!res.destroyed) res.end();
            return;
          }
          res.write(body.subarray(i, i + 1));
          i++;
        }, 1000);
        res.on("close", () => clearInterval(timer));
        return;
      }
      if (fault === "blob-reset-mid-body" && body.length > 1) {
        res.writeHead(up.status, headers);
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => res.destroy(), 50));
        return;
      }
    }

    if (manifest && method !== "PUT" && up.status === 200) {
      if (fault === "lying-content-digest") {
        headers["docker-content-digest"] = `sha256:${createHash("sha256").update("not these bytes").digest("hex")}`;
      }
      if (fault === "manifest-under-other-digest" && manifest[2]!.startsWith("sha256:")) {
        const repo = manifest[1]!;
        const tags = await fetchUpstream(upstream, "GET", `/v2/${repo}/tags/list`, {});
        for (const tag of (JSON.parse(tags.body.toString()) as { tags: string[] | null }).tags ?? []) {
          const other = await fetchUpstream(upstream, "GET", `/v2/${repo}/manifests/${tag}`, fwd);
          if (other.status === 200 && other.headers["docker-content-digest"] !== manifest[2]) {
            body = method === "HEAD" ? Buffer.alloc(0) : other.body;
            headers["content-length"] = String(other.body.length);
            headers["content-type"] = String(other.headers["content-type"]);
            delete headers["docker-content-digest"];
            break;
          }
        }
      }
    }
    res.writeHead(up.status, headers);
    res.end(method === "HEAD" ? undefined : body);
  }

  const url = await listen(server);
  return {
    url,
    realmHost: null,
    requests,
    setFault: (f) => {
      fault = f;
    },
    reset: () => {
      seenBlobs.clear();
      requests.length = 0;
    },
    stop: () => close(server),
  };
}

/**
 * A hosted registry's habits (ghcr.io-like): anonymous Bearer tokens from a token service on another port that
 * expire after `tokenTtlSeconds`, no `_catalog`, tags paged with `n`/`last` and `Link`, blobs answered by `307`
 * to a CDN origin that refuses requests carrying `Authorization`, and an OCI 1.1 referrers API (built from the
 * upstream's fallback index) paged one descriptor per page.
 */
export async function startHostedFront(upstream: string, options: HostedOptions): Promise<RegistryFront & { cdnRequests: number }> {
  const requests: RegistryFront["requests"] = [];
  const tokens = new Map<string, number>();
  let cdnRequests = 0;

  const tokenServer = createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", path: req.url ?? "", auth: !!req.headers.authorization, host: req.headers.host ?? "" });
    const token = randomBytes(16).toString("hex");
    tokens.set(token, Date.now() + options.tokenTtlSeconds * 1000);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ token, expires_in: options.tokenTtlSeconds }));
  });
  const realm = `${await listen(tokenServer)}/token`;

  const cdn = createServer((req, res) => {
    cdnRequests++;
    requests.push({ method: req.method ?? "GET", path: req.url ?? "", auth: !!req.headers.authorization, host: req.headers.host ?? "" });
    if (req.headers.authorization) {
      // S3 and CloudFront refuse a second credential next to the signed URL's
      res.writeHead(400, { "content-type": "application/xml" });
      res.end("<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>");
      return;
    }
    const url = new URL(req.url ?? "/", "http://cdn");
    const fwd: Record<string, string> = {};
    if (typeof req.headers.range === "string") fwd.range = req.headers.range;
    fetchUpstream(upstream, req.method ?? "GET", url.searchParams.get("p") ?? "/", fwd).then(
      (up) => {
        res.writeHead(up.status, passHeaders(up.headers));
        res.end(req.method === "HEAD" ? undefined : up.body);
      },
      () => {
        res.writeHead(502);
        res.end();
      },
    );
  });
  const cdnUrl = await listen(cdn);

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://front");
    const method = req.method ?? "GET";
    requests.push({ method, path: url.pathname, auth: !!req.headers.authorization, host: req.headers.host ?? "" });
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    const expires = bearer ? tokens.get(bearer) : undefined;
    if (!expires || expires < Date.now()) {
      res.writeHead(401, {
        "www-authenticate": `Bearer realm="${realm}",service="hosted",scope="repository:${/^\/v2\/(.+?)\/(manifests|blobs|tags|referrers)/.exec(url.pathname)?.[1] ?? ""}:pull"`,
        "content-type": "application/json",
      });
      res.end(JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "authentication required" }] }));
      return;
    }
    if (url.pathname === "/v2/_catalog") {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ code: "UNSUPPORTED", message: "catalog is not available" }] }));
      return;
    }
    const tags = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
    if (tags && method === "GET") {
      const up = await fetchUpstream(upstream, "GET", url.pathname, {});
      const all = ((JSON.parse(up.body.toString()) as { tags: string[] | null }).tags ?? []).sort();
      const n = Number(url.searchParams.get("n") ?? 100);
      const last = url.searchParams.get("last");
      const rest = last ? all.filter((t) => t > last) : all;
      const page = rest.slice(0, n);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (rest.length > n) headers.link = `<${url.pathname}?n=${n}&last=${encodeURIComponent(page[page.length - 1]!)}>; rel="next"`;
      res.writeHead(200, headers);
      res.end(JSON.stringify({ name: tags[1], tags: page }));
      return;
    }
    const referrers = /^\/v2\/(.+)\/referrers\/(sha256):([a-f0-9]{64})$/.exec(url.pathname);
    if (referrers && method === "GET") {
      const index = await fetchUpstream(upstream, "GET", `/v2/${referrers[1]}/manifests/${referrers[2]}-${referrers[3]}`, {
        accept: "application/vnd.oci.image.index.v1+json",
      });
      const all = index.status === 200 ? ((JSON.parse(index.body.toString()) as { manifests?: unknown[] }).manifests ?? []) : [];
      const page = Number(url.searchParams.get("page") ?? 0);
      const headers: Record<string, string> = { "content-type": "application/vnd.oci.image.index.v1+json" };
      if (page + 1 < all.length) headers.link = `<${url.pathname}?page=${page + 1}>; rel="next"`;
      res.writeHead(200, headers);
      res.end(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: all.slice(page, page + 1) }));
      return;
    }
    if (BLOB_PATH.test(url.pathname) && method === "GET") {
      res.writeHead(307, { location: `${cdnUrl}/blob?p=${encodeURIComponent(url.pathname)}&sig=${randomBytes(8).toString("hex")}` });
      res.end();
      return;
    }
    const fwd: Record<string, string> = {};
    for (const h of ["accept", "range"]) if (typeof req.headers[h] === "string") fwd[h] = req.headers[h] as string;
    const up = await fetchUpstream(upstream, method, `${url.pathname}${url.search}`, fwd);
    res.writeHead(up.status, passHeaders(up.headers));
    res.end(method === "HEAD" ? undefined : up.body);
  }

  const url = await listen(server);
  return {
    url,
    realmHost: new URL(realm).host,
    requests,
    get cdnRequests() {
      return cdnRequests;
    },
    stop: async () => {
      await Promise.all([close(server), close(tokenServer), close(cdn)]);
    },
  };
}
