import "server-only";
import pMap from "p-map";
import { discoverAttestationsForBadge } from "@/lib/attest/discover-attestations";
import { loadTrust } from "@/lib/attest/load-trust";
import { worstStatus } from "@/lib/attest/worst-status";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isReferrerTag } from "@/lib/modelkit/is-referrer-tag";
import type { RegistrySource } from "@/lib/registry/types";
import type { Actor } from "@/lib/access/actor";
import type { ModelCardSummary, VersionDTO, VersionsPageDTO } from "./dto";
import { loadModelKit } from "./internal/load-modelkit";
import { openRepository } from "./open-repository";
import { SUMMARY_VERSION, summariseVersion } from "./internal/summarise-version";

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
/** Bounds the work one request does on a repository with a runaway number of tags. */
const MAX_TAGS_SCANNED = 10_000;
/** Tag → digest resolutions in flight at once: enough to hide latency, polite to the registry. */
const RESOLVE_CONCURRENCY = 8;

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/**
 * Versions of a repository: tags (referrer and signature tags hidden), newest-looking first, paged by Kitgate
 * because distribution-style registries ignore `n` on tags/list; each page's tags are grouped by digest.
 */
export async function listVersions(
  actor: Actor,
  input: { registry: string; repository: string; q?: string; cursor?: string | null; limit?: number },
): Promise<VersionsPageDTO> {
  const repo = await openRepository(actor, input.registry, input.repository);
  const limit = Math.min(Math.max(input.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const all = await allTags(repo.source, repo.repository);
  const visible = all.filter((t) => !isReferrerTag(t));
  const q = input.q?.trim().toLowerCase();
  const matching = (q ? visible.filter((t) => t.toLowerCase().includes(q)) : visible).sort((a, b) => collator.compare(b, a));

  const start = input.cursor ? decodeCursor(input.cursor) : 0;
  const pageTags = matching.slice(start, start + limit);
  const resolved = await pMap(pageTags, async (tag) => {
    try {
      return { tag, digest: (await repo.source.resolve(repo.repository, tag)).digest, error: null };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return { tag, digest: null, error: e.message };
    }
  }, { concurrency: RESOLVE_CONCURRENCY });

  const groups = new Map<string, string[]>();
  const items: VersionDTO[] = [];
  for (const r of resolved) {
    if (!r.digest) {
      items.push(errorRow(`tag:${r.tag}`, [r.tag], r.error ?? "could not resolve"));
      continue;
    }
    const tags = groups.get(r.digest);
    if (tags) tags.push(r.tag);
    else groups.set(r.digest, [r.tag]);
  }
  const rows = await pMap([...groups], ([digest, tags]) => versionRow(repo.source, repo.registry, repo.repository, digest, tags), {
    concurrency: RESOLVE_CONCURRENCY,
  });
  items.unshift(...rows);
  // a complete tag list tells which signature tags exist; a truncated one does not
  await addAttestationBadges(repo.source, repo.repository, items, all.length < MAX_TAGS_SCANNED ? new Set(all) : undefined);

  const end = start + pageTags.length;
  return {
    items,
    next: end < matching.length ? encodeCursor(end) : null,
    hiddenTags: all.length - visible.length,
    totalTags: matching.length,
  };
}

/**
 * Attestations can be attached at any time, so badges are not stored with the summary: they are discovered per
 * request (memoised for a few seconds, lib/attest); a failure to discover them leaves the badge empty rather than
 * failing the list.
 */
async function addAttestationBadges(source: RegistrySource, repository: string, items: VersionDTO[], tags: ReadonlySet<string> | undefined): Promise<void> {
  const trust = await loadTrust(await getConfig());
  await pMap(
    items.filter((i) => !i.error && i.format !== "index"),
    async (item) => {
      try {
        item.attestation = worstStatus(await discoverAttestationsForBadge(source, repository, item.digest, trust, tags ? { tags } : {}));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
      }
    },
    { concurrency: RESOLVE_CONCURRENCY },
  );
}

async function allTags(source: RegistrySource, repository: string): Promise<string[]> {
  const tags: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await source.listTags(repository, cursor, 1000);
    tags.push(...page.items);
    cursor = page.next;
  } while (cursor && tags.length < MAX_TAGS_SCANNED);
  return tags;
}

/** A digest's summary is immutable: read it from the database, or build it once and store it. */
async function versionRow(
  source: RegistrySource,
  registry: string,
  repository: string,
  digest: string,
  tags: string[],
): Promise<VersionDTO> {
  const cached = await db.kitSummary.findUnique({ where: { registry_digest: { registry, digest } } });
  // A row written by an older reading of ModelKits is recomputed once (the manifest itself never changes).
  if (cached && cached.summaryVersion >= SUMMARY_VERSION) {
    if (cached.error) return errorRow(digest, tags, cached.error);
    return {
      digest,
      tags,
      format: cached.format as VersionDTO["format"],
      packageName: cached.packageName,
      packageVersion: cached.version,
      authors: Array.isArray(cached.authors) ? (cached.authors as string[]) : [],
      modelName: cached.modelName,
      framework: cached.framework,
      modelFormat: cached.modelFormat,
      totalSize: Number(cached.totalSize),
      cliVersion: cached.cliVersion,
      card: (cached.card as { card?: ModelCardSummary | null } | null)?.card ?? null,
      kitRejections: cached.kitRejections,
      error: null,
      attestation: null,
    };
  }
  let row: VersionDTO;
  try {
    const { view } = await loadModelKit(source, registry, repository, digest);
    row = summariseVersion(digest, tags, view);
    await store(registry, digest, row, view.warnings.length, null);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    row = errorRow(digest, tags, e.message);
    // Only faults of verified content are permanent for a digest. A network error may pass, and a digest
    // mismatch is the registry serving other bytes (a lying front, a corrupt replica), not the digest's content.
    if (e.code === "MALFORMED_CONTENT") await store(registry, digest, row, 0, e.message);
  }
  return row;
}

async function store(registry: string, digest: string, row: VersionDTO, warnings: number, error: string | null) {
  const data = {
    format: row.format,
    packageName: row.packageName,
    version: row.packageVersion,
    authors: row.authors,
    modelName: row.modelName,
    framework: row.framework,
    modelFormat: row.modelFormat,
    totalSize: BigInt(row.totalSize),
    cliVersion: row.cliVersion,
    // wrapped, so "no card" is a JSON value too: the two generated clients' DbNull sentinels are not interchangeable
    card: { card: row.card } as unknown as object,
    kitRejections: row.kitRejections,
    summaryVersion: SUMMARY_VERSION,
    warnings,
    error,
  };
  await db.kitSummary.upsert({
    where: { registry_digest: { registry, digest } },
    create: { registry, digest, ...data },
    update: data,
  });
}

function errorRow(digest: string, tags: string[], error: string): VersionDTO {
  return {
    digest, tags, format: "error", packageName: null, packageVersion: null, authors: [], modelName: null,
    framework: null, modelFormat: null, totalSize: 0, cliVersion: null, card: null, kitRejections: 0, error, attestation: null,
  };
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

function decodeCursor(cursor: string): number {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw new AppError("BAD_REQUEST", "Invalid cursor");
  return Number(m[1]);
}
