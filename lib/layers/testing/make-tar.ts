import tar from "tar-stream";

export interface TarFixtureEntry {
  name: string;
  type?: "file" | "directory" | "symlink" | "link" | "gnu-long-path";
  content?: Uint8Array | string;
  linkname?: string;
  mode?: number;
}

/** Builds a tar in memory with tar-stream's `pack()` (test fixtures; no binary fixture files are committed). */
export async function makeTar(entries: Iterable<TarFixtureEntry>): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    pack.on("end", () => resolve());
    pack.on("error", reject);
  });
  for (const e of entries) {
    const type = e.type ?? "file";
    const content = e.content === undefined ? undefined : typeof e.content === "string" ? Buffer.from(e.content) : Buffer.from(e.content);
    await new Promise<void>((resolve, reject) => {
      const header = {
        name: e.name,
        type,
        mode: e.mode ?? (type === "directory" ? 0o755 : 0o644),
        linkname: e.linkname,
        size: content?.length ?? 0,
        mtime: new Date(0),
      } as tar.Headers;
      const cb = (err?: Error | null) => (err ? reject(err) : resolve());
      if (content && content.length > 0) pack.entry(header, content, cb);
      else pack.entry(header, cb);
    });
  }
  pack.finalize();
  await ended;
  return Buffer.concat(chunks);
}
