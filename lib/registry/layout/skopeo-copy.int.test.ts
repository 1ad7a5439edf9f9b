import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFEST_ACCEPT } from "@/lib/oci/media-types";
import { writeDemoData, type DemoSummary } from "@/scripts/demo-data/write-demo-data";
import { freePort } from "@/test/support/free-port";

const run = promisify(execFile);
/** Readiness polls before giving up on the registry process (each waits for a refused connection, not a clock). */
const MAX_READY_POLLS = 200;

let dir: string;
let registry: ChildProcess;
let base: string;
let demo: DemoSummary;


beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-skopeo-"));
  const port = await freePort();
  base = `127.0.0.1:${port}`;
  await writeFile(
    path.join(dir, "config.yml"),
    `version: 0.1\nlog: { level: error }\nstorage:\n  filesystem: { rootdirectory: ${dir}/data }\nhttp:\n  addr: ${base}\n  secret: test-only\n`,
  );
  registry = spawn("docker-registry", ["serve", path.join(dir, "config.yml")], { stdio: "ignore" });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://${base}/v2/`)).ok) break;
    } catch {
      if (i > MAX_READY_POLLS) throw new Error("docker-registry did not start");
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  demo = await writeDemoData(path.join(dir, "registry"));
});

afterAll(async () => {
  if (registry?.pid) process.kill(registry.pid);
  await rm(dir, { recursive: true, force: true });
});

describe("demo layouts copied by skopeo into a real registry", () => {
  it.each([
    "demo/fraud-detection:1.0.0",
    "demo/fraud-detection:1.1.0",
    "demo/churn-model:1.0.0",
    "demo/legacy-sentiment:v0.1",
    "demo/modelpack-vision:1.0.0",
  ])("%s keeps its manifest digest", async (ref) => {
    await run("skopeo", ["copy", "--quiet", `oci:${path.join(dir, "registry", ref)}`, `docker://${base}/${ref}`, "--dest-tls-verify=false"]);
    const [repo, tag] = ref.split(":") as [string, string];
    const res = await fetch(`http://${base}/v2/${repo}/manifests/${tag}`, { headers: { Accept: MANIFEST_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get("docker-content-digest")).toBe(demo.tags[ref]);
    const body = new Uint8Array(await res.arrayBuffer());
    expect(`sha256:${createHash("sha256").update(body).digest("hex")}`).toBe(demo.tags[ref]);
  });
});
