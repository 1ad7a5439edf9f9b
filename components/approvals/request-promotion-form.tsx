"use client";

import Link from "next/link";
import { useState } from "react";
import { sendJson, type ApiResponse } from "@/lib/api/fetch-json";

/** "Request promotion" on a version: pick an environment, say why; the result links to the request. */
export function RequestPromotionForm({ reference, environments }: { reference: string; environments: string[] }) {
  const [environment, setEnvironment] = useState(environments[0] ?? "");
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<ApiResponse<"requestPromotion"> | null>(null);
  if (environments.length === 0) return null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(await sendJson<"requestPromotion">("POST", "/api/v1/approvals", { ref: reference, environment, comment: comment || null }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="row" aria-label="Request promotion" onSubmit={submit}>
      <label>
        <span className="muted">Promote to </span>
        <select name="environment" value={environment} onChange={(e) => setEnvironment(e.target.value)}>
          {environments.map((env) => (
            <option key={env} value={env}>
              {env}
            </option>
          ))}
        </select>
      </label>
      <input name="comment" placeholder="Why (shown to approvers)" maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      <button type="submit" className="btn btn-sm" disabled={busy}>
        Request promotion
      </button>
      {created ? (
        <span role="status">
          Requested: <Link href={`/approvals/${created.id}`}>{created.environment} — {created.state}</Link>
        </span>
      ) : null}
      {error ? (
        <span className="alert alert-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
