import "server-only";
import { withConfiguredBudget } from "./request-budget";
import { toPublicError, type PublicError } from "./to-public-error";

export type Settled<T> = { ok: true; data: T } | { ok: false; error: PublicError };

/**
 * Pages render data-layer failures in place (with breadcrumbs and the reason) instead of throwing:
 * Next hides thrown server error messages in production, and "tag not found" deserves its words.
 * Given a function, it runs under the request budget (lib/http/request-budget), so a slow registry
 * renders as "timed out: registry X, step Y" instead of a page that never arrives.
 */
export async function settle<T>(work: Promise<T> | (() => Promise<T>)): Promise<Settled<T>> {
  try {
    return { ok: true, data: await (typeof work === "function" ? withConfiguredBudget(work) : work) };
  } catch (error) {
    return { ok: false, error: toPublicError(error) };
  }
}
