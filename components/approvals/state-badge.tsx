import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApprovalState } from "@/lib/approvals/types";

const TONE: Record<ApprovalState, BadgeTone> = {
  quarantined: "warn",
  "scan-passed": "info",
  "awaiting-approval": "violet",
  approved: "info",
  promoted: "ok",
  rejected: "error",
  revoked: "error",
};

export function StateBadge({ state }: { state: ApprovalState }) {
  return <Badge tone={TONE[state]}>{state}</Badge>;
}
