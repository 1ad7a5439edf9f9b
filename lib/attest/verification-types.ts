import type { SignerDTO, VerificationStatus } from "./types";
import type { ParsedStatement } from "./parse-statement";

/** What a verifier found for one envelope; discovery turns it into an AttestationDTO. */
export interface VerificationOutcome {
  status: VerificationStatus;
  reason: string;
  signer: SignerDTO | null;
  /** set only when the signature verified (status verified or subject-mismatch) */
  statement: ParsedStatement | null;
  /** from unverified content, for display only */
  predicateTypeHint: string | null;
  subjectDigests: string[];
  /** a time carried inside the signed content (notation signingTime), if any */
  signedAt: string | null;
}
