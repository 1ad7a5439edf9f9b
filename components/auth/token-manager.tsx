"use client";

import { useState, type FormEvent } from "react";
import { sendJson, type ApiBody, type ApiResponse } from "@/lib/api/fetch-json";

/** Create (secret shown once) and revoke API tokens through /api/v1/tokens; the page re-renders the list. */
export function TokenManager({ tokens, permissions }: { tokens: ApiResponse<"listApiTokens">["items"]; permissions: string[] }) {
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      // spaces or commas separate scopes, except the commas of a `{a,b}` list
      scopes: String(form.get("scopes") ?? "").match(/(?:\{[^}]*\}|[^\s,{])+/g) ?? [],
      // the server refuses anything but its permission names (422 naming the bad one)
      permissions: form.getAll("permissions").map(String) as ApiBody<"createApiToken">["permissions"],
      expiresInDays: Number(form.get("expiresInDays") ?? 90),
    };
    try {
      const created = await sendJson<"createApiToken">("POST", "/api/v1/tokens", body);
      setError(null);
      setCreated(created.token);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function revoke(id: string) {
    try {
      await sendJson<"revokeApiToken">("DELETE", `/api/v1/tokens/${encodeURIComponent(id)}`);
      window.location.reload();
    } catch (e) {
      setError(`Revoke failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <div className="stack">
      {created ? (
        <div className="panel" role="status">
          <p>Copy this token now; it will not be shown again.</p>
          <code data-testid="new-token">{created}</code>{" "}
          <button className="btn btn-sm" type="button" onClick={() => window.location.reload()}>
            Done
          </button>
        </div>
      ) : null}
      {error ? <p role="alert" className="badge badge-error">{error}</p> : null}
      <form className="panel stack" onSubmit={create} aria-label="Create token">
        <h2>New token</h2>
        <label className="row">
          Name <input className="input" name="name" required maxLength={100} />
        </label>
        <label className="row">
          Scopes <input className="input" name="scopes" required placeholder="local/demo/* acme/fraud-*" />
        </label>
        <fieldset className="row">
          <legend>Permissions</legend>
          {permissions.map((p) => (
            <label key={p} className="row">
              <input type="checkbox" name="permissions" value={p} defaultChecked={p === "repository.read"} /> {p}
            </label>
          ))}
        </fieldset>
        <label className="row">
          Expires in (days) <input className="input" name="expiresInDays" type="number" min={1} max={365} defaultValue={90} style={{ minWidth: 0 }} />
        </label>
        <button className="btn btn-primary" type="submit">
          Create token
        </button>
      </form>
      <div className="table-wrap">
        <table className="table" aria-label="API tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Owner</th>
              <th>Scopes · permissions</th>
              <th>Expires</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>
                  {t.name} <span className="chip">{t.prefix}…</span>
                </td>
                <td>{t.owner.name}</td>
                <td className="wrap">
                  {t.scopes.join(" ")} · {t.permissions.join(", ")}
                </td>
                <td>{t.expiresAt.slice(0, 10)}</td>
                <td>{t.lastUsedAt ? t.lastUsedAt.replace("T", " ").slice(0, 16) : "never"}</td>
                <td>{t.status}</td>
                <td>
                  {t.status === "active" ? (
                    <button className="btn btn-sm" type="button" onClick={() => void revoke(t.id)}>
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
