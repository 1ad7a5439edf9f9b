import { ErrorPanel } from "@/components/ui/error-panel";
import { getActor } from "@/lib/data/get-actor";
import { getAttestationPanel } from "@/lib/data/get-attestation-panel";
import { settle } from "@/lib/http/settle";
import { AttestationList } from "@/components/attest/attestation-list";

/** The version page's Attestations tab: one data-layer call, failures shown in place. */
export async function AttestationsTab({ pageRef }: { pageRef: string }) {
  const result = await settle(async () => getAttestationPanel(await getActor(), { ref: pageRef }));
  return result.ok ? <AttestationList panel={result.data} /> : <ErrorPanel error={result.error} />;
}
