import "server-only";
import { AppError } from "@/lib/errors";
import { DEFAULT_TIMEOUT_MS, MAX_RETRY_AFTER_MS } from "@/lib/oci/limits";
import type { Fetcher } from "@/lib/oci/types";

export interface RetryOptions {
  /** total attempts including the first (default 4) */
  maxAttempts?: number;
  /** first backoff delay; doubles per attempt, with jitter (default 200 ms) */
  baseDelayMs?: number;
  /** ceiling of the computed backoff (default 5 s) */
  maxDelayMs?: number;
  /** ceiling applied to `Retry-After` (default MAX_RETRY_AFTER_MS) */
  maxRetryAfterMs?: number;
  /**
   * Time allowed until response headers arrive, per attempt (default DEFAULT_TIMEOUT_MS). It stops at the
   * headers so a large blob may stream for as long as it needs; callers bound small bodies with their
   * own `AbortSignal.timeout` on the request.
   */
  headersTimeoutMs?: number;
  /** injectable for tests; must resolve after `ms` */
  sleep?: (ms: number) => Promise<void>;
}

// Only these are safe to send twice; POST (upload start) is not retried.
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Retry-After` as delta-seconds or HTTP-date → milliseconds, or null when absent/unparseable. */
function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function isTimeout(e: unknown): boolean {
  return e instanceof Error && (e.name === "TimeoutError" || (e.cause instanceof Error && e.cause.name === "TimeoutError"));
}

/**
 * Retry layer: idempotent requests are retried with exponential backoff on 408/429/5xx and network
 * errors, honouring `Retry-After` up to a cap. Network failures become AppError UPSTREAM, timeouts
 * UPSTREAM_TIMEOUT; a caller's own abort is rethrown untouched.
 */
export function withRetry(next: Fetcher, options: RetryOptions = {}): Fetcher {
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;
  const headersTimeoutMs = options.headersTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? defaultSleep;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new TypeError("maxAttempts must be a positive integer");
  if (!(headersTimeoutMs > 0)) throw new TypeError("headersTimeoutMs must be positive");

  return async (req) => {
    const attempts = IDEMPOTENT.has(req.method) ? maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= attempts;
      // A body can be read once: keep the original intact for later attempts and send a clone.
      const toSend = last ? req : req.clone();
      // One controller carries both the caller's abort and our deadline. Not AbortSignal.any: on Node 20
      // its composite signal can be garbage-collected mid-request, and the timeout then never fires.
      const deadline = new AbortController();
      const forward = () => deadline.abort(toSend.signal.reason);
      if (toSend.signal.aborted) forward();
      else toSend.signal.addEventListener("abort", forward, { once: true });
      const timer = setTimeout(
        () => deadline.abort(new DOMException("no response headers in time", "TimeoutError")),
        headersTimeoutMs,
      );
      let res: Response;
      try {
        res = await next(new Request(toSend, { signal: deadline.signal }));
      } catch (e) {
        if (req.signal.aborted) throw e;
        if (e instanceof AppError) throw e;
        const timedOut = (deadline.signal.aborted && !toSend.signal.aborted) || isTimeout(e);
        if (last) {
          throw new AppError(
            timedOut ? "UPSTREAM_TIMEOUT" : "UPSTREAM",
            `${req.method} ${new URL(req.url).host}: ${timedOut ? "timed out" : "network error"} after ${attempt} attempt(s)`,
            { cause: e },
          );
        }
        await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
        continue;
      } finally {
        clearTimeout(timer);
      }
      // Once headers are in, the caller's signal still governs the body through `deadline`; the timer is gone.
      if (last || !RETRY_STATUS.has(res.status)) return res;
      const hinted = retryAfterMs(res.headers.get("retry-after"), Date.now());
      await res.body?.cancel().catch(() => {});
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      await sleep(hinted === null ? backoff : Math.min(hinted, maxRetryAfterMs));
    }
  };
}
