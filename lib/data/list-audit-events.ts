import "server-only";
import type { AuditEventDTO } from "@/lib/audit/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { AuditQuery } from "@/lib/validations/audit-query";
import { canReadRepository } from "./can-read-repository";
import { isAuditAdmin } from "./is-audit-admin";
import type { Actor } from "@/lib/access/actor";
import type { PageDTO } from "./dto";

const DEFAULT_PAGE_ROWS = 50;
/** Distinct repositories named in the log are checked one by one against the actor's grants; bound that work. */
const MAX_DISTINCT_REPOSITORIES = 5_000;

/**
 * Searches the audit log newest first (by chain position), paged by an opaque seq cursor. Visibility is decided
 * here, in the query, not in the page: grants are globs, so the repositories named in the log are listed once (in
 * SQL, an index seek per repository), filtered with the same `canReadRepository` the browse pages use, and the
 * result becomes an IN clause. People also see their own rows (sign-ins, tokens); an API token does not: it sees
 * only rows of repositories its scopes cover, so a token scoped to one repository reads nothing of its owner's
 * activity elsewhere (issue 10, finding 9).
 */
export async function listAuditEvents(actor: Actor, query: AuditQuery): Promise<PageDTO<AuditEventDTO>> {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to read the audit log");
  const admin = isAuditAdmin(actor);
  const where: Prisma.AuditEventWhereInput[] = [{ seq: { not: null } }];
  if (!admin) {
    const readable = { repository: { in: await readableRepositories(actor) } };
    where.push(actor.kind === "token" ? readable : { OR: [readable, { actorId: actor.id }] });
  }
  if (query.who) where.push({ OR: [{ actorId: { contains: query.who } }, { actorName: { contains: query.who } }] });
  if (query.action) where.push(query.action.endsWith(".") ? { action: { startsWith: query.action } } : { action: query.action });
  if (query.from) where.push({ at: { gte: query.from } });
  if (query.to) where.push({ at: { lte: endOfDayIfDate(query.to) } });
  if (query.repository) where.push({ repository: query.repository });
  if (query.environment) where.push({ environment: query.environment });
  if (query.cursor) {
    const before = Number(query.cursor);
    if (!Number.isSafeInteger(before) || before < 1) throw new AppError("BAD_REQUEST", "invalid cursor");
    where.push({ seq: { lt: before } });
  }
  const take = query.limit ?? DEFAULT_PAGE_ROWS;
  const rows = await db.auditEvent.findMany({ where: { AND: where }, orderBy: { seq: "desc" }, take: take + 1 });
  const page = rows.slice(0, take);
  return {
    items: page.map((r) => ({
      id: r.id,
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      target: r.target,
      repository: r.repository,
      environment: r.environment,
      ...(admin ? { ip: r.ip, userAgent: r.userAgent } : {}),
      details: r.details ?? null,
      prevHash: r.prevHash,
      hash: r.hash,
    })),
    next: rows.length > take ? String(page.at(-1)!.seq) : null,
  };
}

/**
 * The repositories the actor may read among those the log names. Distinct values come from a recursive query that
 * jumps from one repository to the next through the (repository, …) index — one seek per repository, however many
 * rows each has — where Prisma's `distinct` would read every row and de-duplicate in memory.
 */
async function readableRepositories(actor: Actor): Promise<string[]> {
  const named = await db.$queryRawUnsafe<{ repository: string }[]>(
    `WITH RECURSIVE r(repository) AS (
       SELECT MIN("repository") FROM "AuditEvent"
       UNION ALL
       SELECT (SELECT MIN("repository") FROM "AuditEvent" WHERE "repository" > r.repository) FROM r WHERE r.repository IS NOT NULL
     )
     SELECT repository FROM r WHERE repository IS NOT NULL LIMIT ${MAX_DISTINCT_REPOSITORIES}`,
  );
  return named
    .map((r) => r.repository)
    .filter((full) => {
      const slash = full.indexOf("/");
      return slash > 0 && canReadRepository(actor, full.slice(0, slash), full.slice(slash + 1));
    });
}

/** `to=2026-11-27` means through the end of that day, as a person means it. */
function endOfDayIfDate(d: Date): Date {
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0
    ? new Date(d.getTime() + 24 * 3600 * 1000 - 1)
    : d;
}
