// Writes the escaping fixture for e2e/diff-escaping.spec.ts: a repository `e2e/escape` in an OCI layout store
// with two versions whose Kitfile fields, file names and file contents are HTML/JS payloads. Run with the
// react-server condition (the layout source is server-only):
//   node_modules/.bin/tsx --conditions=react-server e2e/diff-escape.fixture.ts data/registry
import path from "node:path";
import type { Kitfile } from "@/lib/modelkit/types";
import { createLayoutSource } from "@/lib/registry/layout/create-layout-source";
import { packModelKit } from "@/test/support/fixtures/modelkits";
import { ESCAPE_REPO, HOSTILE_FILE, PAYLOADS, QUOTED_FILE } from "./diff-escape.payloads";

function version(v: 1 | 2) {
  const kitfile: Kitfile = {
    manifestVersion: "1.0.0",
    package: { name: "escape", version: `${v}.0.0`, description: v === 1 ? "plain" : `${PAYLOADS.script} ${PAYLOADS.img}`, authors: [PAYLOADS.attr] },
    model: { name: "m", path: "model", parameters: { note: v === 1 ? "ok" : PAYLOADS.script } },
    code: [{ path: "src" }],
    datasets: [{ name: "rows", path: "data/rows.csv" }],
  };
  const files: Record<string, string> = {
    "model/config.json": JSON.stringify({ label: v === 1 ? "safe" : PAYLOADS.img, [PAYLOADS.script]: v }, null, 2) + "\n",
    [HOSTILE_FILE]: `line one\n${v === 1 ? "plain text" : PAYLOADS.script}\n${PAYLOADS.img}\nlast ${v === 1 ? "a" : PAYLOADS.attr}\n`,
    [QUOTED_FILE]: `# "${v}"\n${v === 2 ? `<a href="javascript:alert(1)">x</a>\n` : ""}`,
    "data/rows.csv": `id,html\n1,${v === 1 ? "plain" : `"${PAYLOADS.script}"`}\n2,${PAYLOADS.img}\n`,
  };
  return packModelKit({ kitfile, files, style: "kit", cliVersion: "1.11.0-e2e" });
}

export async function writeEscapeFixture(root: string): Promise<void> {
  const layout = createLayoutSource({ name: "local", root });
  for (const v of [1, 2] as const) {
    const packed = await version(v);
    await layout.putBlob(ESCAPE_REPO, packed.config.bytes);
    for (const l of packed.layers) await layout.putBlob(ESCAPE_REPO, l.bytes);
    await layout.putManifest(ESCAPE_REPO, String(v), packed.manifest, packed.mediaType);
  }
}

if (process.argv[2]) {
  await writeEscapeFixture(path.resolve(process.argv[2]));
  console.log(`wrote ${ESCAPE_REPO}:1 and :2 under ${process.argv[2]}`);
}
