"use client";

import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ReadVerification } from "@/lib/layers/types";
import { searchString } from "@/lib/format/search-string";

const WHAT: Record<Exclude<ReadVerification, "verified">, string> = {
  range: "Read by range, not verified against the layer digest.",
  partial: "Read from the start of the layer only, not verified against the layer digest.",
};

/**
 * Says when what is shown was not checked against the layer digest (large layers read by Range or only in part),
 * with a "Verify whole layer" action that reads the whole layer from the registry and hashes it.
 */
export function VerificationNote({ pinnedRef, layer, verification }: { pinnedRef: string; layer: string; verification: ReadVerification | undefined }) {
  const verify = useMutation({
    mutationFn: () => fetchJson<"verifyLayer">(`/api/v1/modelkit/verify${searchString({ ref: pinnedRef, layer })}`),
  });
  if (!verification || verification === "verified") return null;
  return (
    <div className="alert alert-warn" role="note" data-testid="unverified-read" style={{ margin: 12 }}>
      {WHAT[verification]}{" "}
      {verify.isSuccess ? (
        <strong role="status">The whole layer was read and matches its digest.</strong>
      ) : verify.isError ? (
        <strong role="alert">Verification failed: {verify.error.message}</strong>
      ) : (
        <button type="button" className="btn btn-sm" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? "Verifying the whole layer…" : "Verify whole layer"}
        </button>
      )}
    </div>
  );
}
