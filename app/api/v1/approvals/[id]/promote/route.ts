import { promoteApproval } from "@/lib/data/promote-approval";
import { approvalActionHandler } from "@/lib/http/approval-action-handler";

export const dynamic = "force-dynamic";

/** Retry the registry promotion of an approved request whose retag failed. */
export const POST = approvalActionHandler(null, (actor, id) => promoteApproval(actor, { id }));
