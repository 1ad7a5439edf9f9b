import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { setMaxListeners } from "node:events";
import { getConfig } from "@/lib/config/get-config";
import { AppError } from "@/lib/errors";

/** What a request gets when the config says nothing: long enough for a cold page on a slow registry, short
 * enough that a person (or a load balancer's 30 s idle timeout) still gets an answer instead of a hang. */
export const DEFAULT_REQUEST_BUDGET_MS = 20_000;

/** One upstream step in flight, named for the 504 message: which registry, and what it was asked. */
export interface BudgetStep {
  registry: string;
  what: string;
  startedAt: number;
}

/**
 * The overall time budget of one API request or page render. Registry calls read it through
 * `currentBudget()`: its `signal` aborts their sockets when the budget is spent, `remainingMs()` keeps
 * retries and `Retry-After` waits inside it, and `expired()` is the error they throw, naming the slowest
 * step still in flight.
 */
export interface RequestBudget {
  readonly budgetMs: number;
  readonly deadline: number;
  readonly signal: AbortSignal;
  remainingMs(): number;
  /** registers a step until the returned function is called */
  begin(registry: string, what: string): () => void;
  /** the UPSTREAM_TIMEOUT error for this budget (the slowest step in flight, or the last one seen) */
  expired(): AppError;
}

const storage = new AsyncLocalStorage<RequestBudget>();
/** which budget an expiry error belongs to, so a request that shared work with another can tell whose it is */
const budgetErrors = new WeakMap<object, RequestBudget>();

/**
 * True when `error` is the expiry of a request budget other than the current one: shared (single-flight) work
 * started by a request whose budget ran out. Its followers still have time and should do the work themselves.
 */
export function isForeignBudgetExpiry(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const owner = budgetErrors.get(error);
  return owner !== undefined && owner !== storage.getStore();
}

/** The budget of the request this code runs for, if any (scripts, workers and tests outside a request have none). */
export function currentBudget(): RequestBudget | undefined {
  return storage.getStore();
}

function createBudget(budgetMs: number): RequestBudget & { abort(): void } {
  const started = Date.now();
  const deadline = started + budgetMs;
  const controller = new AbortController();
  // every registry call of the request listens to this one signal: a busy page makes far more than 10
  setMaxListeners(0, controller.signal);
  const steps = new Set<BudgetStep>();
  let last: BudgetStep | null = null;
  const budget = {
    budgetMs,
    deadline,
    signal: controller.signal,
    remainingMs: () => Math.max(0, deadline - Date.now()),
    begin(registry: string, what: string) {
      const step = { registry, what, startedAt: Date.now() };
      steps.add(step);
      last = step;
      return () => {
        steps.delete(step);
      };
    },
    expired(): AppError {
      const slowest = [...steps].sort((a, b) => a.startedAt - b.startedAt)[0] ?? last;
      const seconds = Math.round(budgetMs / 100) / 10;
      const message = slowest
        ? `registry ${slowest.registry} did not answer in time: ${slowest.what} was still running when the ${seconds} s request budget ran out`
        : `the request did not finish within its ${seconds} s budget`;
      const error = new AppError("UPSTREAM_TIMEOUT", message, {
        details: { budgetMs, ...(slowest ? { registry: slowest.registry, step: slowest.what } : {}) },
      });
      budgetErrors.set(error, budget);
      return error;
    },
    abort() {
      controller.abort(budget.expired());
    },
  };
  return budget;
}

/**
 * Runs `work` under a request budget: registry calls inside it see the budget (AsyncLocalStorage), and the
 * returned promise rejects with UPSTREAM_TIMEOUT (504, naming the registry and the slow step) when the budget
 * runs out, even if `work` is stuck somewhere that ignores the abort. A nested call keeps the outer budget.
 */
export async function withRequestBudget<T>(
  work: () => Promise<T>,
  budgetMs = DEFAULT_REQUEST_BUDGET_MS,
  options: { answerAtDeadline?: boolean } = {},
): Promise<T> {
  if (storage.getStore()) return work();
  if (!Number.isFinite(budgetMs) || budgetMs <= 0) throw new TypeError("budgetMs must be a positive number");
  const budget = createBudget(budgetMs);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      budget.abort();
      reject(budget.signal.reason);
    }, budgetMs);
  });
  // whichever way the work ends, the deadline's rejection is observed (no unhandled rejection)
  expired.catch(() => {});
  const running = storage.run(budget, work);
  if (options.answerAtDeadline === false) {
    // mutations: the deadline aborts their registry calls, but the answer is what the work reports (a database
    // transaction that commits after a 504 would tell the client the opposite of what happened)
    try {
      return await running;
    } finally {
      clearTimeout(timer);
    }
  }
  // the loser of the race must not surface as an unhandled rejection
  running.catch(() => {});
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `withRequestBudget` with the configured budget (`timeouts.requestSeconds`, default 20 s). A config that
 * does not load leaves the default: the work itself will report the config error.
 */
export async function withConfiguredBudget<T>(work: () => Promise<T>, options: { answerAtDeadline?: boolean } = {}): Promise<T> {
  let budgetMs = DEFAULT_REQUEST_BUDGET_MS;
  try {
    budgetMs = (await getConfig()).timeouts?.requestMs ?? DEFAULT_REQUEST_BUDGET_MS;
  } catch {
    // reported by the work
  }
  return withRequestBudget(work, budgetMs, options);
}
