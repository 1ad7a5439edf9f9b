import type { z } from "zod";
import { formatZodIssue } from "@/lib/validations/format-zod-issue";

/** Turns zod issues into one line a user can act on: `layers[2].digest: invalid digest; …`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], limit = 5): string {
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : "";
  return issues.slice(0, limit).map(formatZodIssue).join("; ") + more;
}
