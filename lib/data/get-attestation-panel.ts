import "server-only";
import type { Actor } from "@/lib/access/actor";
import { parsePredicate } from "@/lib/attest/parse-predicate";
import { worstStatus } from "@/lib/attest/worst-status";
import type { AttestationPanelDTO } from "./dto";
import { listAttestations } from "./list-attestations";

/**
 * The version page's Attestations tab: every attestation with the display model of its predicate, and the one
 * badge that sums them up. Built here so the components only render.
 */
export async function getAttestationPanel(actor: Actor, input: { ref: string }): Promise<AttestationPanelDTO> {
  const attestations = await listAttestations(actor, input);
  return {
    badge: worstStatus(attestations),
    items: attestations.map((a) => ({ ...a, view: a.predicate === null || a.predicate === undefined ? null : parsePredicate(a.predicateType, a.predicate) })),
  };
}
