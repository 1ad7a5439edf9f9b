import { ErrorPanel } from "@/components/ui/error-panel";
import { getActor } from "@/lib/data/get-actor";
import { listAttestations } from "@/lib/data/list-attestations";
import { settle } from "@/lib/http/settle";
import { AttestationList } from "./attestation-list";

/** The version page's Attestations tab: one data-layer call, failures shown in place. */
export async function AttestationsTab({ pageRef }: { pageRef: string }) {
  const result = await settle(async () => listAttestations(await getActor(), { ref: pageRef }));
  return result.ok ? <AttestationList attestations={result.data} /> : <ErrorPanel error={result.error} />;
}
