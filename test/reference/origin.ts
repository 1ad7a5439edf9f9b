/**
 * Where a ported test case comes from: the reference implementation's repository, the file and the
 * commit it was read at, and which case inside the file. Every row of every table in this folder has one,
 * so a failure points at the upstream case to re-read.
 */
export interface Origin {
  repo: "kitops-ml/kitops" | "modelpack/model-spec";
  path: string;
  commit: string;
  case?: string;
}

export function originLabel(o: Origin): string {
  return `${o.repo}/${o.path}@${o.commit.slice(0, 12)}${o.case ? ` (${o.case})` : ""}`;
}
