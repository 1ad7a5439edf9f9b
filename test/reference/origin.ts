/**
 * The upstream test case whose rule a row checks: the reference implementation's repository, the file and the
 * commit it was read at, and which case inside the file. The rows' inputs are written for Kitgate (nothing in
 * this folder is copied from those projects); the origin says which rule of theirs a row pins down, so a failure
 * points at the upstream case to re-read.
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
