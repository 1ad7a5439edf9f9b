// Lists one layer through the data layer in a fresh process, so no in-process listing cache from an earlier
// step hides what a cold listing reads. Run with `tsx --conditions=react-server`; prints JSON on stdout.
import { resolveGrants } from "@/lib/access/resolve-grants";
import type { Actor } from "@/lib/access/actor";
import { listLayerFiles } from "@/lib/data/list-layer-files";

async function main() {
  const [ref, layer, scope] = process.argv.slice(2);
  if (!ref || !layer || !scope) throw new Error("usage: list-layer-child <ref> <layer digest> <grant scope>");
  const rules = [{ group: "readers", role: "viewer" as const, scope }];
  const actor: Actor = {
    id: "bench",
    name: "Bench viewer",
    kind: "user",
    groups: ["readers"],
    access: { grants: resolveGrants(rules, { kind: "user", id: "bench", groups: ["readers"] }) },
  };
  const res = await listLayerFiles(actor, { ref, layer });
  const files = res.listing.entries.filter((e) => e.type === "file");
  process.stdout.write(`${JSON.stringify({ entries: res.listing.entries.length, files: files.length, truncated: res.listing.truncated, firstFile: files[0]?.path ?? null })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
