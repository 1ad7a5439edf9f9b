"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

export interface SignInFormProps {
  oidc: { id: string; name: string } | null;
  local: { id: string } | null;
  callbackUrl: string;
  error: string | null;
}

const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong username or password.",
  AccessDenied: "This account is disabled.",
  OAuthCallback: "The identity provider sign-in failed. Try again.",
  OAuthSignin: "Could not reach the identity provider.",
  SessionRequired: "Sign in to continue.",
};

/** `LockedOut-<seconds>` from the server's sign-in throttle (lib/auth/sign-in-throttle.ts). */
function lockedOutMessage(error: string): string | null {
  const seconds = /^LockedOut-(\d+)$/.exec(error)?.[1];
  if (!seconds) return null;
  const minutes = Math.max(1, Math.ceil(Number(seconds) / 60));
  return `Too many failed sign-ins for this account or from your address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Provider buttons and the local account form; next-auth's client adds its CSRF token to each POST. */
export function SignInForm({ oidc, local, callbackUrl, error }: SignInFormProps) {
  const [busy, setBusy] = useState(false);
  const message = error ? (ERRORS[error] ?? lockedOutMessage(error) ?? "Sign-in failed.") : null;

  async function submitLocal(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!local) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    await signIn(local.id, {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      callbackUrl,
    });
    setBusy(false);
  }

  return (
    <div className="stack">
      {message ? (
        <p role="alert" className="badge badge-error">
          {message}
        </p>
      ) : null}
      {oidc ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void signIn(oidc.id, { callbackUrl })}>
          Sign in with {oidc.name}
        </button>
      ) : null}
      {local ? (
        <form className="stack" onSubmit={submitLocal} aria-label="Local account">
          <label className="stack">
            <span>Username</span>
            <input className="input" name="username" autoComplete="username" required />
          </label>
          <label className="stack">
            <span>Password</span>
            <input className="input" name="password" type="password" autoComplete="current-password" required />
          </label>
          <button type="submit" className="btn" disabled={busy}>
            Sign in with local account
          </button>
        </form>
      ) : null}
      {!oidc && !local ? <p className="muted">No sign-in method is configured (see `auth` in kitgate.yaml).</p> : null}
    </div>
  );
}
