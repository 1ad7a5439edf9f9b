import type { z } from "zod";

/** Turns zod issues into one line a user can act on: `layers[2].digest: invalid digest; …`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((issue) => {
    const path = issue.path.reduce<string>((acc, key) => {
      if (typeof key === "number") return `${acc}[${key}]`;
      const name = String(key);
      return acc ? `${acc}.${name}` : name;
    }, "");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : "";
  return shown.join("; ") + more;
}
