import { AppError } from "@/lib/errors";
import type { ApprovalEvent, ApprovalState } from "./types";

/**
 * A refused move of the state machine. It is an AppError (CONFLICT for "not now", FORBIDDEN for "not you") so
 * routes answer with the right status and the reason reaches the user unchanged.
 */
export class IllegalTransition extends AppError {
  readonly from: ApprovalState;
  readonly event: ApprovalEvent;
  readonly reason: string;

  constructor(from: ApprovalState, event: ApprovalEvent, reason: string, kind: "CONFLICT" | "FORBIDDEN" = "CONFLICT") {
    super(kind, `Cannot ${event} from ${from}: ${reason}`, { details: { from, event, reason } });
    this.name = "IllegalTransition";
    this.from = from;
    this.event = event;
    this.reason = reason;
  }
}
