import "server-only";
import { AppError } from "@/lib/errors";
import { currentBudget } from "@/lib/http/request-budget";
import { DEFAULT_TIMEOUT_MS, MAX_RETRY_AFTER_MS } from "@/lib/oci/limits";
import { discardBody } from "@/lib/oci/transport/discard-body";
import { holdForCall } from "@/lib/oci/transport/hold-for-call";
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
   * headers so a large blob may stream for as long as the request budget allows; callers bound small bodies
   * with their own `AbortSignal.timeout` on the request.
   */
  headersTimeoutMs?: number;
  /** the registry's name, for error messages */
  registry?: string;
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
  if (!(e instanceof Error)) return false;
  const names = [e.name, (e.cause as Error | undefined)?.name, (e as { code?: string }).code];
  return names.some((n) => n === "TimeoutError" || n === "UND_ERR_HEADERS_TIMEOUT" || n === "UND_ERR_CONNECT_TIMEOUT");
}

/**
 * Retry layer: idempotent requests are retried with exponential backoff on 408/429/5xx and network
 * errors (connection refused or reset), honouring `Retry-After` up to a cap. Network failures become
 * AppError UPSTREAM, timeouts UPSTREAM_TIMEOUT; a caller's own abort is rethrown untouched.
 *
 * Inside a request budget (lib/http/request-budget) no wait runs past it: when the next attempt could not
 * start before the budget ends, the last answer is returned (or the failure thrown) at once, and a spent
 * budget surfaces as its own UPSTREAM_TIMEOUT naming the registry and the step.
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
    const budget = currentBudget();
    const where = options.registry ? `registry ${options.registry} (${new URL(req.url).host})` : new URL(req.url).host;
    const attempts = IDEMPOTENT.has(req.method) ? maxAttempts : 1;
    /** whether a wait of `ms` still leaves time for one more attempt inside the request budget */
    const fits = (ms: number) => !budget || budget.remainingMs() > ms + 250;
    for (let attempt = 1; ; attempt++) {
      let last = attempt >= attempts;
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
        // The clone, the controller and the Request built on it are links between the caller's signal and the call.
        res = await holdForCall(next, new Request(toSend, { signal: deadline.signal }), req, toSend, deadline, forward);
      } catch (e) {
        if (budget?.signal.aborted) throw budget.expired();
        if (e instanceof AppError) throw e;
        // the caller's own deadline (a small exchange's AbortSignal.timeout) is a timeout; any other abort is theirs
        if (req.signal.aborted) throw isTimeout(req.signal.reason) ? new AppError("UPSTREAM_TIMEOUT", `${req.method} ${where}: no answer in time`, { cause: e }) : e;
        const timedOut = (deadline.signal.aborted && !toSend.signal.aborted) || isTimeout(e);
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
        if (last || !fits(backoff)) {
          throw new AppError(
            timedOut ? "UPSTREAM_TIMEOUT" : "UPSTREAM",
            `${req.method} ${where}: ${timedOut ? `no answer within ${headersTimeoutMs} ms` : `network error (${describe(e)})`} after ${attempt} attempt(s)`,
            { cause: e, details: { attempts: attempt, ...(options.registry ? { registry: options.registry } : {}) } },
          );
        }
        await sleep(backoff);
        continue;
      } finally {
        clearTimeout(timer);
      }
      // Once headers are in, the caller's signal still governs the body through `deadline`; the timer is gone.
      if (last || !RETRY_STATUS.has(res.status)) return res;
      const hinted = retryAfterMs(res.headers.get("retry-after"), Date.now());
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      const wait = hinted === null ? backoff : Math.min(hinted, maxRetryAfterMs);
      last = !fits(wait);
      if (last) return res; // the caller turns this answer into its error (status, registry codes)
      discardBody(res);
      await sleep(wait);
      if (budget?.signal.aborted) throw budget.expired();
    }
  };
}

function describe(e: unknown): string {
  const err = e as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown };
  const code = typeof err?.cause?.code === "string" ? err.cause.code : typeof err?.code === "string" ? err.code : null;
  const message = typeof err?.cause?.message === "string" ? err.cause.message : typeof err?.message === "string" ? err.message : String(e);
  return (code ? `${code}: ` : "") + message.slice(0, 200);
}
