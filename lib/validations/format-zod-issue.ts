import type { z } from "zod";

/** One zod issue as a line naming the key a person must fix: `registries[1].auth.passwordEnv: required`. */
export function formatZodIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.reduce<string>(
    (acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    "",
  );
  const message =
    issue.code === "invalid_type" && /received undefined/.test(issue.message)
      ? "required"
      : issue.code === "unrecognized_keys"
        ? `unknown key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`
        : issue.message;
  return key ? `${key}: ${message}` : message;
}
