import type { ModelKitView } from "@/lib/modelkit/types";
import type { VersionDTO } from "./dto";

/** The columns of a version list row, from an interpreted manifest (pure). */
export function summariseVersion(digest: string, tags: string[], view: ModelKitView): VersionDTO {
  const k = view.kitfile;
  return {
    digest,
    tags,
    format: view.format,
    packageName: k?.package?.name ?? null,
    packageVersion: k?.package?.version ?? null,
    authors: k?.package?.authors ?? [],
    modelName: k?.model?.name ?? null,
    framework: k?.model?.framework ?? null,
    modelFormat: k?.model?.format ?? null,
    totalSize: view.totalSize,
    cliVersion: view.cliVersion,
    error: null,
    attestation: null,
  };
}
