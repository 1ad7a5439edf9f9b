import { AppError } from "@/lib/errors";

/** The OCI tag grammar: what a pattern must expand to. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const REPOSITORY = /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/;

/**
 * Where a promotion puts the digest: `promotion.tag` with `{name}` (environment) and `{version}` (the tag the
 * request named, else the short digest) expanded; in the same repository, or in `promotion.repository` with
 * `{repository}` expanded (a copy into an environment repository such as `prod/{repository}`).
 */
export function promotionTarget(
  env: { name: string; promotion: { tag: string; repository?: string } },
  source: { repository: string; digest: string; tag?: string | null },
): { repository: string; tag: string; copy: boolean } {
  const version = source.tag ?? source.digest.replace(/^sha256:/, "").slice(0, 12);
  const tag = env.promotion.tag.replaceAll("{name}", env.name).replaceAll("{version}", version);
  const repository = (env.promotion.repository ?? source.repository).replaceAll("{repository}", source.repository);
  if (!TAG.test(tag)) throw new AppError("CONFIG_INVALID", `promotion tag of ${env.name} expands to "${tag}", not a valid tag`);
  if (!REPOSITORY.test(repository)) throw new AppError("CONFIG_INVALID", `promotion repository of ${env.name} expands to "${repository}"`);
  return { repository, tag, copy: repository !== source.repository };
}
