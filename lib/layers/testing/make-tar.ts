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
  pack.on("data", (c: unknown) => {
    chunks.push(c as Buffer);
  });
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
      } as tar.Header;
      const cb = (err?: Error | null) => (err ? reject(err) : resolve());
      // a file entry without a buffer would wait for its body to be written; give empty files an empty one
      if (content || type === "file") pack.entry(header, content ?? Buffer.alloc(0), cb);
      else pack.entry(header, cb);
    });
  }
  pack.finalize();
  await ended;
  return Buffer.concat(chunks);
}
