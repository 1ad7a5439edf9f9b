import "server-only";
import { AppError } from "@/lib/errors";
import { currentBudget } from "@/lib/http/request-budget";

function isTimeout(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const names = [e.name, (e.cause as Error | undefined)?.name, (e as { code?: string }).code];
  return names.some((n) => n === "TimeoutError" || n === "UND_ERR_HEADERS_TIMEOUT" || n === "UND_ERR_CONNECT_TIMEOUT" || n === "UND_ERR_BODY_TIMEOUT");
}

/**
 * Whatever a registry exchange threw, as an AppError that names the registry and the step: the request budget's
 * own expiry when it ran out, UPSTREAM_TIMEOUT for a deadline, UPSTREAM for a broken connection. AppErrors pass.
 */
export function toUpstreamError(e: unknown, where: string): AppError {
  if (e instanceof AppError) return e;
  const budget = currentBudget();
  if (budget?.signal.aborted) return budget.expired();
  if (isTimeout(e)) return new AppError("UPSTREAM_TIMEOUT", `${where}: no answer in time`, { cause: e });
  const err = e as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown } | null;
  const code = typeof err?.cause?.code === "string" ? err.cause.code : typeof err?.code === "string" ? err.code : null;
  const message = typeof err?.cause?.message === "string" ? err.cause.message : typeof err?.message === "string" ? err.message : String(e);
  return new AppError("UPSTREAM", `${where}: connection failed (${code ? `${code}: ` : ""}${message.slice(0, 200)})`, { cause: e });
}
