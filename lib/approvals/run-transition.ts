import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditTx } from "@/lib/audit/audit-tx";
import type { AuditEventInput } from "@/lib/audit/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ApprovalDecision, ApprovalRequest } from "@/lib/generated/sqlite/client";
import { transition } from "./transitions";
import type { ApprovalEvent, ApprovalState, TransitionContext, TransitionOutcome } from "./types";

export type RequestWithDecisions = ApprovalRequest & { decisions: ApprovalDecision[] };

export interface RunTransitionInput {
  requestId: string;
  event: ApprovalEvent;
  context: (request: RequestWithDecisions) => TransitionContext;
  /** extra writes of the same transaction (decision row, promotion row, pointer) */
  write?: (tx: AuditTx, request: RequestWithDecisions, outcome: TransitionOutcome) => Promise<void>;
  /** request columns to set along with the state */
  patch?: (request: RequestWithDecisions, outcome: TransitionOutcome) => Partial<Pick<ApprovalRequest, "reason" | "lastError">>;
  audit: (request: RequestWithDecisions, outcome: TransitionOutcome) => AuditEventInput[];
}

export interface RunTransitionResult {
  request: RequestWithDecisions;
  from: ApprovalState;
  outcome: TransitionOutcome;
}

/** Attempts before a contended request answers 409: each lost race re-reads and re-checks the guards. */
const MAX_ATTEMPTS = 25;
/** Unique-constraint races and transaction conflicts/timeouts are retried; the re-read guard gives the real answer. */
const RETRYABLE = new Set(["P2002", "P2028", "P2034"]);
/** Under a burst, a writer waits behind many others for the database's single writer slot. */
const TX_OPTIONS = { maxWait: 60_000, timeout: 30_000 } as const;

class VersionConflict extends Error {}

/**
 * One state-machine step and its audit rows in one transaction, with optimistic concurrency: the request is read
 * with its `version`, the pure table decides, and the update only applies `where: { id, version }`. Zero rows
 * updated means someone else moved first: roll back and try again from a fresh read (the guards then refuse
 * moves that are no longer legal, e.g. a second approval after the request was approved).
 */
export async function runTransition(input: RunTransitionInput): Promise<RunTransitionResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const request = await tx.approvalRequest.findUnique({ where: { id: input.requestId }, include: { decisions: true } });
        if (!request) throw new AppError("NOT_FOUND", `approval request ${input.requestId} not found`);
        const from = request.state as ApprovalState;
        const outcome = transition(from, input.event, input.context(request));
        await input.write?.(tx, request, outcome);
        const updated = await tx.approvalRequest.updateMany({
          where: { id: request.id, version: request.version },
          data: { state: outcome.to, version: { increment: 1 }, ...(input.patch?.(request, outcome) ?? {}) },
        });
        if (updated.count === 0) throw new VersionConflict();
        for (const event of input.audit(request, outcome)) await recordAuditEvent(event, tx);
        const fresh = await tx.approvalRequest.findUniqueOrThrow({ where: { id: request.id }, include: { decisions: true } });
        return { request: fresh, from, outcome };
      }, TX_OPTIONS);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const retry = error instanceof VersionConflict || (typeof code === "string" && RETRYABLE.has(code));
      if (!retry) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new AppError("CONFLICT", "the request changed while you acted on it; reload and try again");
    }
  }
}
