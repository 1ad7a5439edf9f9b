// The Kubernetes manifests as `kubectl kustomize` renders them (Debian's kubectl, no cluster needed), validated
// against the Kubernetes API schemas (kubernetes-models) and checked for what running Kitgate needs: probes on the
// health endpoints, non-root read-only containers, selectors that match, no secret written into the manifests.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Deployment } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, PersistentVolumeClaim, Service } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "..");

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  ports?: { name: string; containerPort: number }[];
  livenessProbe?: { httpGet: { path: string; port: string } };
  readinessProbe?: { httpGet: { path: string; port: string } };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean };
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string }[];
}

const rendered = new Map<string, K8sObject[]>();
function render(overlay: string): K8sObject[] {
  if (!rendered.has(overlay)) {
    const out = execFileSync("kubectl", ["kustomize", path.join(ROOT, "deploy/overlays", overlay)], { encoding: "utf8" });
    rendered.set(overlay, parseAllDocuments(out).map((d) => d.toJS() as K8sObject));
  }
  return structuredClone(rendered.get(overlay)!);
}

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "v1/PersistentVolumeClaim": PersistentVolumeClaim,
};

function validate(o: K8sObject): void {
  if (o.apiVersion === "monitoring.coreos.com/v1" && o.kind === "ServiceMonitor") return; // a CRD: checked by hand below
  const Model = MODELS[`${o.apiVersion}/${o.kind}`];
  if (!Model) throw new Error(`no schema for ${o.apiVersion} ${o.kind}`);
  new Model(o as never).validate();
}

const pods = (objects: K8sObject[]) =>
  objects
    .filter((o) => o.kind === "Deployment" || o.kind === "Job")
    .map((o) => ({ owner: o, spec: (o.spec as { template: { spec: PodSpec; metadata: { labels: Record<string, string> } } }).template }));
const byName = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name)!;
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

/** Environment variables Kitgate reads (lib/env.ts) and the ones Next's standalone server reads. */
function knownEnv(): Set<string> {
  const text = readFileSync(path.join(ROOT, "lib/env.ts"), "utf8");
  return new Set([...[...text.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!), "HOSTNAME", "PORT"]);
}

describe.each(["single", "ha"])("the %s overlay", (overlay) => {
  const objects = render(overlay);

  it("renders objects the Kubernetes API schemas accept", () => {
    expect(objects.length).toBeGreaterThan(3);
    for (const o of objects) expect(() => validate(o), `${o.kind} ${o.metadata.name}`).not.toThrow();
  });

  it("runs every container as non-root with a read-only root file system and no added capabilities", () => {
    for (const { owner, spec } of pods(objects)) {
      expect(spec.spec.securityContext?.runAsNonRoot, owner.metadata.name).toBe(true);
      for (const c of [...spec.spec.containers, ...(spec.spec.initContainers ?? [])]) {
        expect(c.securityContext, `${owner.metadata.name}/${c.name}`).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ["ALL"] },
        });
        // a read-only root still needs a writable /tmp
        expect(c.volumeMounts?.map((m) => m.mountPath)).toContain("/tmp");
        const mounted = new Set(spec.spec.volumes?.map((v) => v.name));
        for (const m of c.volumeMounts ?? []) expect(mounted.has(m.name), `${c.name} mounts ${m.name}`).toBe(true);
      }
    }
  });

  it("probes the web pods on /api/health/live and /api/health/ready, on a port the container declares", () => {
    const web = byName(objects, "Deployment", "kitgate-web");
    const { spec } = pods([web])[0]!;
    const container = spec.spec.containers[0]!;
    expect(container.livenessProbe?.httpGet.path).toBe("/api/health/live");
    expect(container.readinessProbe?.httpGet.path).toBe("/api/health/ready");
    expect(container.ports?.map((p) => p.name)).toContain(container.readinessProbe!.httpGet.port);
    // Next's standalone server binds $HOSTNAME, which Kubernetes sets to the pod name
    expect(container.env).toContainEqual({ name: "HOSTNAME", value: "0.0.0.0" });
  });

  it("selects its pods: Service and Deployment selectors match the pod labels", () => {
    const web = pods([byName(objects, "Deployment", "kitgate-web")])[0]!;
    const service = byName(objects, "Service", "kitgate-web");
    expect(matches((service.spec as { selector: Record<string, string> }).selector, web.spec.metadata.labels)).toBe(true);
    for (const d of objects.filter((o) => o.kind === "Deployment")) {
      const s = d.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } };
      expect(matches(s.selector.matchLabels, s.template.metadata.labels), d.metadata.name).toBe(true);
    }
  });

  it("writes no secret into the manifests and sets only variables Kitgate reads", () => {
    expect(objects.filter((o) => o.kind === "Secret")).toEqual([]);
    const known = knownEnv();
    for (const { spec } of pods(objects)) {
      for (const c of [...spec.spec.containers, ...(spec.spec.initContainers ?? [])]) {
        for (const e of c.env ?? []) {
          expect(known.has(e.name), `${c.name}: ${e.name}`).toBe(true);
          if (/SECRET|PASSWORD|TOKEN/.test(e.name)) expect(e.value, e.name).toBeUndefined();
        }
      }
    }
  });

  it("mounts the config where KITGATE_CONFIG points, from the generated ConfigMap that holds a valid kitgate.yaml", async () => {
    const config = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith("kitgate-config-"))!;
    expect(config.data?.["kitgate.yaml"]).toContain("registries:");
    const { configFileSchema } = await import("@/lib/config/config-schema");
    const { parse } = await import("yaml");
    expect(configFileSchema.safeParse(parse(config.data!["kitgate.yaml"]!)).error?.issues ?? []).toEqual([]);
  });

  it("runs only commands that exist in the build", () => {
    for (const { spec } of pods(objects)) {
      for (const c of [...spec.spec.containers, ...(spec.spec.initContainers ?? [])]) {
        const files = c.command?.filter((part) => /^(node_modules|scripts)\//.test(part)) ?? [];
        for (const file of files) expect(existsSync(path.join(ROOT, file)), `${c.name}: ${file}`).toBe(true);
      }
    }
  });
});

describe("overlay differences", () => {
  it("single: one web replica replaced (not rolled) on a persistent volume, SQLite migrated before start", () => {
    const objects = render("single");
    const web = byName(objects, "Deployment", "kitgate-web");
    const spec = web.spec as { replicas: number; strategy: { type: string }; template: { spec: PodSpec } };
    expect(spec.replicas).toBe(1);
    expect(spec.strategy.type).toBe("Recreate");
    expect(objects.filter((o) => o.kind === "Deployment").map((o) => o.metadata.name)).toEqual(["kitgate-web"]);
    expect(spec.template.spec.containers[0]!.env).toContainEqual({ name: "DATABASE_URL", value: "file:/data/kitgate.db" });
    expect(spec.template.spec.initContainers?.[0]?.command).toEqual(["node_modules/.bin/prisma", "migrate", "deploy"]);
    expect(objects.some((o) => o.kind === "PersistentVolumeClaim")).toBe(true);
  });

  it("ha: two web replicas kept available, a migration Job, and a ServiceMonitor on the metrics port", () => {
    const objects = render("ha");
    const web = byName(objects, "Deployment", "kitgate-web");
    expect((web.spec as { replicas: number }).replicas).toBe(2);
    const job = pods([byName(objects, "Job", "kitgate-migrate")])[0]!;
    expect(job.spec.spec.containers[0]!.command).toEqual(["node_modules/.bin/prisma", "migrate", "deploy"]);
    const pdb = byName(objects, "PodDisruptionBudget", "kitgate-web").spec as { minAvailable: number; selector: { matchLabels: Record<string, string> } };
    expect(pdb.minAvailable).toBe(1);
    expect(matches(pdb.selector.matchLabels, pods([web])[0]!.spec.metadata.labels)).toBe(true);
    const monitor = byName(objects, "ServiceMonitor", "kitgate-web").spec as { selector: { matchLabels: Record<string, string> }; endpoints: { port: string; path: string }[] };
    const service = byName(objects, "Service", "kitgate-web");
    expect(matches(monitor.selector.matchLabels, service.metadata.labels ?? {})).toBe(true);
    expect(monitor.endpoints).toEqual([expect.objectContaining({ port: "metrics", path: "/metrics" })]);
    expect((service.spec as { ports: { name: string }[] }).ports.map((p) => p.name)).toContain("metrics");
    // no DATABASE_URL literal: PostgreSQL credentials come from the Secret
    for (const { spec } of pods(objects)) for (const c of spec.spec.containers) expect(c.env?.find((e) => e.name === "DATABASE_URL")?.value).toBeUndefined();
  });

  it("the schema check can fail: a Deployment with a non-numeric replica count is refused", () => {
    const web = byName(render("single"), "Deployment", "kitgate-web");
    expect(() => validate({ ...web, spec: { ...web.spec, replicas: "two" } })).toThrow();
  });
});
