/** The predicate type Kyverno / policy-controller conditions match on (docs/kyverno-approved-for-production.yaml). */
export const APPROVAL_PREDICATE_TYPE = "https://kitgate.dev/approval/v1";
export const IN_TOTO_STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

export interface ApprovalPredicate {
  environment: string;
  decision: "approved" | "promoted" | "revoked";
  repository: string;
  target: { repository: string; tag: string };
  requester: { id: string; name: string; comment: string | null };
  approvers: { id: string; name: string; subject: string | null; groups: string[]; comment: string | null; at: string }[];
  policyDigest: string | null;
  requestId: string;
  time: string;
}

/** An in-toto v1 statement about exactly one ModelKit manifest digest. */
export function buildApprovalStatement(subject: { name: string; digest: string }, predicate: ApprovalPredicate) {
  const [algorithm, hex] = subject.digest.split(":");
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: subject.name, digest: { [algorithm!]: hex! } }],
    predicateType: APPROVAL_PREDICATE_TYPE,
    predicate,
  };
}
