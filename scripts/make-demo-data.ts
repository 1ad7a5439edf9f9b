// `npm run demo:data [-- --out DIR]`: writes the demo registry (default ./data/registry).
// The layout writer is server code guarded by `server-only`, which throws outside Next's react-server
// condition; a resolve hook maps it to nothing for this CLI before the first server module loads.
import { register } from "node:module";
import path from "node:path";

register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function resolve(s, c, next) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(s, c); }',
    ),
);

const args = process.argv.slice(2);
const at = args.indexOf("--out");
const out = path.resolve(at >= 0 && args[at + 1] ? args[at + 1]! : "data/registry");
const { writeDemoData } = await import("./demo-data/write-demo-data");
const { tags } = await writeDemoData(out);
for (const [ref, digest] of Object.entries(tags)) console.log(`${ref.padEnd(60)} ${digest}`);
// Signed demo attestations, with the demo key next to the registry (data/keys by default; kitgate.yaml trusts it).
const { attachDemoAttestations } = await import("./demo-data/attest-demo");
const { createLayoutSource } = await import("@/lib/registry/layout/create-layout-source");
const signed = await attachDemoAttestations(createLayoutSource({ name: "demo", root: out }), path.join(path.dirname(out), "keys"));
for (const line of signed.attached) console.log(`signed: ${line}`);
// Kitgate's key for signed approval decisions (trust.signingKey), next to the demo key.
const { ensureKitgateSigningKey } = await import("./demo-data/kitgate-signing-key");
console.log(`approval signing key: ${(await ensureKitgateSigningKey(path.join(path.dirname(out), "keys"))).privateKeyFile}`);
console.log(`demo registry written to ${out}`);
