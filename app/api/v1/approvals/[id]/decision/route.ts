import { decideApproval } from "@/lib/data/decide-approval";
import { approvalActionHandler } from "@/lib/http/approval-action-handler";
import { approvalDecisionBody } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";

/** Approve or reject (one decision per approver; self-approval refused). */
export const POST = approvalActionHandler(approvalDecisionBody, (actor, id, body) => decideApproval(actor, { id, ...body }));
