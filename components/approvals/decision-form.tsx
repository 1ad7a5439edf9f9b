"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/api/fetch-json";

/** Approve / reject with a comment; the server's refusal (e.g. self-approval) is shown as is. */
export function DecisionForm({ id, canRetry, canRevoke, canDecide }: { id: string; canRetry: boolean; canRevoke: boolean; canDecide: boolean }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const url = (action: "decision" | "promote" | "revoke") => `/api/v1/approvals/${encodeURIComponent(id)}/${action}`;

  async function act(call: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await call();
      setComment("");
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" aria-label="Decision" onSubmit={(e) => e.preventDefault()}>
      <label className="stack">
        <span>Comment</span>
        <textarea name="comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="row">
        {canDecide ? (
          <>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => act(() => sendJson<"decideApproval">("POST", url("decision"), { decision: "approve", comment: comment || null }))}>
              Approve
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => act(() => sendJson<"decideApproval">("POST", url("decision"), { decision: "reject", comment: comment || null }))}>
              Reject
            </button>
          </>
        ) : null}
        {canRetry ? (
          <button type="button" className="btn" disabled={busy} onClick={() => act(() => sendJson<"retryPromotion">("POST", url("promote")))}>
            Retry promotion
          </button>
        ) : null}
        {canRevoke ? (
          <button type="button" className="btn" disabled={busy} onClick={() => act(() => sendJson<"revokeApproval">("POST", url("revoke"), { reason: comment || null }))}>
            Revoke
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
