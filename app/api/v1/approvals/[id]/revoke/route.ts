import { revokeApproval } from "@/lib/data/revoke-approval";
import { approvalActionHandler } from "@/lib/http/approval-action-handler";
import { approvalRevokeBody } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";

/** Withdraw an approval; a promoted tag moves back to the previous digest. */
export const POST = approvalActionHandler(approvalRevokeBody, (actor, id, body) => revokeApproval(actor, { id, ...body }));
