import "server-only";
import { isForeignBudgetExpiry } from "@/lib/http/request-budget";

export type SingleFlight<V> = (key: string, work: () => Promise<V>) => Promise<V>;

/**
 * Concurrent callers with one key share one run of `work`. The entry is removed the moment the run settles,
 * success or failure, so a failed or timed-out run is never handed to later callers; every run is bounded by
 * the deadlines of the registry calls it makes, so an entry cannot stay forever. A follower whose leader was
 * cut off by the leader's own request budget runs the work itself, within its own budget.
 */
export function createSingleFlight<V>(): SingleFlight<V> & { readonly size: number } {
  const running = new Map<string, Promise<V>>();
  const run = async (key: string, work: () => Promise<V>): Promise<V> => {
    const shared = running.get(key);
    if (shared) {
      try {
        return await shared;
      } catch (e) {
        if (!isForeignBudgetExpiry(e)) throw e;
      }
    }
    const mine = work();
    running.set(key, mine);
    const forget = () => {
      if (running.get(key) === mine) running.delete(key);
    };
    mine.then(forget, forget);
    return mine;
  };
  return Object.defineProperty(run, "size", { get: () => running.size }) as SingleFlight<V> & { readonly size: number };
}
