import { AppError } from "@/lib/errors";

// distribution spec "name" grammar; the 255-character bound is the spec's too.
const NAME_RE = /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/;

/** Throws BAD_REQUEST unless `name` is a valid repository name; it is interpolated into URL paths. */
export function assertRepositoryName(name: unknown): string {
  if (typeof name !== "string" || name.length > 255 || !NAME_RE.test(name)) {
    throw new AppError("BAD_REQUEST", `invalid repository name: ${JSON.stringify(String(name).slice(0, 300))}`);
  }
  return name;
}
