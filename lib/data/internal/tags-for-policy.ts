import "server-only";
import pMap from "p-map";
import { AppError } from "@/lib/errors";
import { isReferrerTag } from "@/lib/modelkit/is-referrer-tag";
import { matchGlob } from "@/lib/policy/match-glob";
import type { PolicySet } from "@/lib/policy/types";
import type { RegistrySource } from "@/lib/registry/types";

/** Bounds the listing on a repository with a runaway number of tags (same budget as the versions list). */
const MAX_TAGS_SCANNED = 10_000;
/** Tags a tier rule could match are resolved one by one; beyond this the evaluation refuses rather than guess. */
const MAX_TAGS_RESOLVED = 200;
const RESOLVE_CONCURRENCY = 8;

/**
 * The tags a policy evaluation of `digest` must see (red-team finding 3): every tag that points at the digest now
 * and that some tier rule's `tags` glob could match, plus `extra` (the tag the caller named and the tag the
 * promotion will create). Evaluating only the tag in the reference let `repo@digest` skip a `public-*` tier.
 * Without tag rules nothing is listed. Fails closed when too many candidate tags exist to resolve them all.
 */
export async function tagsForPolicy(
  source: RegistrySource,
  repository: string,
  digest: string,
  set: PolicySet,
  extra: readonly (string | null | undefined)[],
): Promise<string[]> {
  const tags = new Set(extra.filter((t): t is string => typeof t === "string" && t.length > 0));
  const globs = set.tierRules.flatMap((r) => r.when.tags ?? []);
  if (globs.length === 0) return [...tags];
  const candidates: string[] = [];
  let cursor: string | null = null;
  let scanned = 0;
  do {
    const page = await source.listTags(repository, cursor, 1000);
    scanned += page.items.length;
    for (const t of page.items) if (!tags.has(t) && !isReferrerTag(t) && globs.some((g) => matchGlob(g, t))) candidates.push(t);
    cursor = page.next;
  } while (cursor && scanned < MAX_TAGS_SCANNED);
  if (candidates.length > MAX_TAGS_RESOLVED) {
    throw new AppError(
      "LIMIT_EXCEEDED",
      `${candidates.length} tags of ${repository} match the policy's tag rules; at most ${MAX_TAGS_RESOLVED} can be checked for whether they point at ${digest}`,
    );
  }
  const pointing = await pMap(
    candidates,
    async (t) => {
      try {
        return (await source.resolve(repository, t)).digest === digest ? t : null;
      } catch (e) {
        if (e instanceof AppError && e.code === "NOT_FOUND") return null; // deleted between listing and resolving
        throw e;
      }
    },
    { concurrency: RESOLVE_CONCURRENCY },
  );
  for (const t of pointing) if (t) tags.add(t);
  return [...tags].sort();
}
