import { z } from "zod";
import { cursor, filter, limit, optional } from "./common";

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** A date (`2026-11-27`) or a full ISO timestamp, as a person types it into the filter or a CI job passes it. */
export const isoDate = z.preprocess(
  single,
  z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, "expected YYYY-MM-DD or an ISO timestamp").transform((s, ctx) => {
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "not a date" });
      return z.NEVER;
    }
    return d;
  }),
);

/** `REGISTRY/REPOSITORY` as stored in AuditEvent.repository; matched exactly. */
const auditRepository = z.preprocess(single, z.string().max(300).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*\/\S+$/, "expected REGISTRY/REPOSITORY"));
const auditEnvironment = z.preprocess(single, z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "not an environment name"));

/** `GET /api/v1/audit` and the audit page: who / what / when / repository / environment, newest first. */
export const auditQuery = z.object({
  /** substring of the actor id or name */
  who: filter.describe("Substring of the actor's id or name."),
  /** action, or an action prefix ending in `.` (`approval.`) */
  action: filter.describe("An action (`approval.decision`) or a prefix ending in `.` (`approval.`)."),
  from: optional(isoDate).describe("Earliest time: `YYYY-MM-DD` or an ISO timestamp."),
  to: optional(isoDate).describe("Latest time: `YYYY-MM-DD` (through the end of that day) or an ISO timestamp."),
  repository: optional(auditRepository).describe("`REGISTRY/REPOSITORY`, exact."),
  environment: optional(auditEnvironment).describe("Environment name, exact."),
  cursor,
  limit,
});

export type AuditQuery = z.infer<typeof auditQuery>;

/** `GET /api/v1/audit/verify?mode=`: incremental (default) or full. */
export const auditVerifyQuery = z.object({
  mode: optional(z.preprocess(single, z.enum(["full", "incremental"]))).describe("`incremental` (default) or `full`."),
});
