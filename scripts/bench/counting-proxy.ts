// A loopback reverse proxy that counts response body bytes per kind of registry request, so a bench or test
// can see exactly what the data layer pulled from the registry.
import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type RequestKind = "blobsFull" | "blobsRanged" | "manifests" | "other";
export type Counts = Record<RequestKind, { requests: number; bytes: number }>;

const zero = (): Counts => ({
  blobsFull: { requests: 0, bytes: 0 },
  blobsRanged: { requests: 0, bytes: 0 },
  manifests: { requests: 0, bytes: 0 },
  other: { requests: 0, bytes: 0 },
});

function kindOf(req: IncomingMessage): RequestKind {
  const url = req.url ?? "";
  if (/^\/v2\/.+\/blobs\/[a-z0-9]+:[a-f0-9]+/.test(url)) return req.headers.range ? "blobsRanged" : "blobsFull";
  if (/^\/v2\/.+\/manifests\//.test(url)) return "manifests";
  return "other";
}

export interface CountingProxy {
  url: string;
  /** counts since the last reset */
  counts(): Counts;
  reset(): void;
  stop(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  let counts = zero();
  const server = createServer((req, res) => {
    const kind = kindOf(req);
    counts[kind].requests++;
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.on("data", (c: Buffer) => {
          counts[kind].bytes += c.length;
        });
        up.pipe(res);
      },
    );
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => structuredClone(counts),
    reset: () => {
      counts = zero();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
