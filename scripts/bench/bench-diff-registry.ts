// `npm run bench:diff`, registry part: bytes the ModelKit diff pulls from a real registry for two versions
// (~2 GiB in total: a 1 GiB uncompressed model layer shared by both, small code/config layers that change).
// Run with `tsx --conditions=react-server` (the data layer imports `server-only`).
// BENCH_REGISTRY_MODEL_FILES / BENCH_REGISTRY_FILE_MIB shrink it for a quick look.
import { allBytes, blobBytes, runDiffBytesScenario, sumCounts, type StepCounts } from "./diff-bytes-scenario";

const MODEL_FILES = Number(process.env.BENCH_REGISTRY_MODEL_FILES ?? 200);
const FILE_MIB = Number(process.env.BENCH_REGISTRY_FILE_MIB ?? 5.12);
/** the issue's targets */
const MAX_DIFF_RATIO = 1.05;
const MAX_LISTING_FRACTION = 0.01;

const mib = (n: number) => `${(n / 2 ** 20).toFixed(2)} MiB`;
const kib = (n: number) => (n < 2 ** 20 ? `${(n / 1024).toFixed(1)} KiB` : mib(n));

async function main() {
  const started = Date.now();
  const r = await runDiffBytesScenario({
    modelFiles: MODEL_FILES,
    modelFileSize: Math.round(FILE_MIB * 2 ** 20),
    log: (s) => console.log(`  [registry] ${s}`),
  });
  const diff = sumCounts(r.diffSteps.map((s) => s.counts));
  const repeat = sumCounts(r.repeatSteps.map((s) => s.counts));
  const diffRatio = allBytes(diff) / r.changedLayerBytes;
  const listingFraction = allBytes(r.listing.counts) / r.modelLayerBytes;

  console.log("");
  const kitBytes = 2 * r.modelLayerBytes + r.changedLayerBytes + r.configBlobBytes;
  console.log(`Two ModelKits, ${mib(kitBytes)} in total (${mib(r.modelLayerBytes + r.changedLayerBytes + r.configBlobBytes)} stored: the model layer is pushed once).`);
  console.log(`Registry bytes (model layer ${mib(r.modelLayerBytes)} uncompressed tar, ${r.listing.files} files, shared; second push: ${r.modelSecondPush};`);
  console.log(`changed layers (code+config, base+head) ${kib(r.changedLayerBytes)}; config blobs ${kib(r.configBlobBytes)})`);
  const rows: string[][] = [["step", "blob full", "blob ranged", "manifests", "other", "requests"]];
  const row = (name: string, s: StepCounts["counts"]) => [
    name,
    kib(s.blobsFull.bytes),
    kib(s.blobsRanged.bytes),
    kib(s.manifests.bytes),
    kib(s.other.bytes),
    String(s.blobsFull.requests + s.blobsRanged.requests + s.manifests.requests + s.other.requests),
  ];
  for (const s of r.diffSteps) rows.push(row(s.step, s.counts));
  rows.push(row("= diff, cold", diff));
  for (const s of r.repeatSteps) rows.push(row(`again: ${s.step}`, s.counts));
  rows.push(row("= diff, repeated", repeat));
  rows.push(row("listLayerFiles model (fresh process)", r.listing.counts));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((x) => x[i]!.length)));
  for (const x of rows) console.log(x.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));

  const targets = [
    {
      name: `diff bytes / changed layer bytes ≤ ${MAX_DIFF_RATIO}×`,
      value: `${diffRatio.toFixed(3)}× (${kib(allBytes(diff))} incl. manifests / ${kib(r.changedLayerBytes)})`,
      pass: diffRatio <= MAX_DIFF_RATIO,
    },
    { name: "blob bytes on a repeated diff = 0", value: `${blobBytes(repeat)} B`, pass: blobBytes(repeat) === 0 },
    {
      name: `bytes read to list the model layer < ${MAX_LISTING_FRACTION * 100}%`,
      value: `${(listingFraction * 100).toFixed(3)}% (${kib(allBytes(r.listing.counts))} of ${mib(r.modelLayerBytes)}, ${r.listing.counts.blobsRanged.requests} Range reads)`,
      pass: listingFraction < MAX_LISTING_FRACTION && r.listing.counts.blobsFull.bytes === 0 && !r.listing.truncated,
    },
    {
      name: "the diff saw the change (1 code file, learning_rate, model unchanged)",
      value: `code changed ${r.observed.changedCode.join(",")}; modified ${r.observed.codeFileModified.join(",")}; model ${r.observed.modelStatus}; config ${r.observed.configChanges.map((c) => `${c.path}: ${String(c.before)} → ${String(c.after)}`).join(", ")}`,
      pass:
        r.observed.changedCode.sort().join(",") === "config,src" &&
        r.observed.codeFileModified.join(",") === "src/module_0.py" &&
        r.observed.codeFilePatchHasChange &&
        r.observed.configChanges.length === 1 &&
        /learning_rate$/.test(r.observed.configChanges[0]!.path) &&
        /unchanged/.test(r.observed.modelStatus),
    },
  ];
  console.log("");
  for (const t of targets) console.log(`${t.pass ? "PASS" : "FAIL"}  ${t.name}: ${t.value}`);
  const ok = targets.every((t) => t.pass);
  console.log(`registry part: ${((Date.now() - started) / 1000).toFixed(0)} s; RESULT: ${ok ? "PASS" : "FAIL"}`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
