// Uploads a blob too large to hold in memory: HEAD (skip when present), POST for an upload URL, then one
// monolithic PUT `?digest=` whose body is streamed with a Content-Length. lib/oci/client/push-blob.ts takes
// bytes in memory, which a 1 GiB bench layer must not need.
import { request } from "node:http";

export async function pushStreamedBlob(
  registryUrl: string,
  repo: string,
  blob: { digest: string; size: number; chunks: () => Iterable<Uint8Array> },
): Promise<"uploaded" | "present"> {
  const head = await fetch(`${registryUrl}/v2/${repo}/blobs/${blob.digest}`, { method: "HEAD" });
  if (head.status === 200) return "present";
  const started = await fetch(`${registryUrl}/v2/${repo}/blobs/uploads/`, { method: "POST" });
  await started.body?.cancel();
  const location = started.headers.get("location");
  if (started.status !== 202 || !location) throw new Error(`upload start failed: ${started.status}`);
  const url = new URL(location, registryUrl);
  url.searchParams.set("digest", blob.digest);

  await new Promise<void>((resolve, reject) => {
    const req = request(
      url,
      { method: "PUT", headers: { "content-type": "application/octet-stream", "content-length": String(blob.size) } },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text = (text + c.toString()).slice(0, 2000)));
        res.on("end", () => (res.statusCode === 201 ? resolve() : reject(new Error(`PUT ${res.statusCode}: ${text}`))));
      },
    );
    req.on("error", reject);
    const it = blob.chunks()[Symbol.iterator]();
    const pump = () => {
      for (;;) {
        const next = it.next();
        if (next.done) return void req.end();
        if (!req.write(next.value)) return void req.once("drain", pump);
      }
    };
    pump();
  });
  return "uploaded";
}
