import "server-only";
import { toPublicError, type PublicError } from "./to-public-error";

export type Settled<T> = { ok: true; data: T } | { ok: false; error: PublicError };

/**
 * Pages render data-layer failures in place (with breadcrumbs and the reason) instead of throwing:
 * Next hides thrown server error messages in production, and "tag not found" deserves its words.
 */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, data: await promise };
  } catch (error) {
    return { ok: false, error: toPublicError(error) };
  }
}
