import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { VerificationStatus } from "@/lib/attest/types";

const LOOK: Record<VerificationStatus, { tone: BadgeTone; label: string }> = {
  verified: { tone: "ok", label: "verified" },
  "untrusted-key": { tone: "warn", label: "untrusted key" },
  "invalid-signature": { tone: "error", label: "invalid signature" },
  "subject-mismatch": { tone: "error", label: "subject mismatch" },
  unsupported: { tone: "neutral", label: "unsupported" },
  malformed: { tone: "error", label: "malformed" },
  "not-verified": { tone: "info", label: "not verified" },
};

export function StatusBadge({ status, title }: { status: VerificationStatus; title?: string }) {
  const look = LOOK[status];
  return (
    <Badge tone={look.tone} title={title}>
      {look.label}
    </Badge>
  );
}
