import { z } from "zod";
import { optional, reference } from "./common";
import { isoDate } from "./audit-query";
import { repositoryRef } from "./versions-query";

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** `GET /api/v1/reports/evidence?ref=REF&format=json|pdf`. */
export const evidenceQuery = z.object({
  ref: reference,
  format: z.preprocess(single, z.enum(["json", "pdf"]).default("json")).describe("`json` (default) or `pdf`."),
});

/** `GET /api/v1/reports/decisions?repository=REGISTRY/REPO&from=&to=&format=csv|json|pdf`. */
export const decisionsQuery = z.object({
  repository: z.preprocess(single, repositoryRef).describe("`REGISTRY/REPOSITORY`."),
  from: optional(isoDate).describe("Period start: `YYYY-MM-DD` or an ISO timestamp."),
  to: optional(isoDate).describe("Period end: `YYYY-MM-DD` (through the end of that day) or an ISO timestamp."),
  format: z.preprocess(single, z.enum(["csv", "json", "pdf"]).default("json")).describe("`json` (default), `csv` or `pdf`."),
});
