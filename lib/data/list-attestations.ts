import "server-only";
import { discoverAttestations } from "@/lib/attest/discover-attestations";
import { loadTrust } from "@/lib/attest/load-trust";
import type { AttestationDTO } from "@/lib/attest/types";
import { getConfig } from "@/lib/config/get-config";
import type { Actor } from "@/lib/access/actor";
import { locateModelKit } from "./locate-modelkit";

/** Signatures and attestations of one version, each verified against the configured trust. Authorised by `locateModelKit`. */
export async function listAttestations(actor: Actor, input: { ref: string }): Promise<AttestationDTO[]> {
  const { repo, digest } = await locateModelKit(actor, input.ref);
  const trust = await loadTrust(await getConfig());
  return discoverAttestations(repo.source, repo.repository, digest, trust);
}
