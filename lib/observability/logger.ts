import pino, { type DestinationStream, type Logger } from "pino";
import { REDACT_PATHS } from "./redact-paths";
import { currentRequestContext } from "./request-context";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type Level = (typeof LEVELS)[number];

/**
 * A JSON logger (one object per line on stdout) at `level`. Every line written while a request or job is running
 * carries its `reqId`, so one request's access line, registry calls and errors can be found together.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level: (LEVELS as readonly string[]).includes(level) ? (level as Level) : "info",
    base: { service: "kitgate", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    mixin() {
      const ctx = currentRequestContext();
      return ctx ? { reqId: ctx.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

// One per process (see request-context.ts for why on globalThis). LOG_LEVEL is validated by lib/env at start-up;
// read here directly so scripts and the worker log the same way without loading the whole environment schema.
const KEY = Symbol.for("kitgate.logger");
const g = globalThis as unknown as Record<typeof KEY, Logger | undefined>;

/** The process's logger: `logger.info({ registry }, "…")`. Errors go under `err` to keep their stack. */
export const logger: Logger = (g[KEY] ??= createLogger(process.env.LOG_LEVEL ?? "info"));
