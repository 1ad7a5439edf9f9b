import type { ReactNode } from "react";

const HEADINGS: Record<string, string> = {
  NOT_FOUND: "Not found",
  UNPROCESSABLE: "Invalid request",
  BAD_REQUEST: "Invalid request",
  MALFORMED_CONTENT: "The registry returned content Kitgate cannot read",
  DIGEST_MISMATCH: "Content did not match its digest",
  UPSTREAM: "The registry failed",
  UPSTREAM_TIMEOUT: "The registry did not answer in time",
  LIMIT_EXCEEDED: "Too large to show",
  TOO_LARGE: "Too large to show",
};

/** An error in place: says what failed (the message is user-facing by contract) and its code. */
export function ErrorPanel({ error, children }: { error: { code: string; message: string }; children?: ReactNode }) {
  return (
    <div className="alert alert-error" role="alert">
      <h2>{HEADINGS[error.code] ?? "Something went wrong"}</h2>
      <p style={{ margin: 0 }}>
        {error.message} <code className="muted">({error.code})</code>
      </p>
      {children}
    </div>
  );
}
