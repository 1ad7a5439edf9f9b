"use client";

import { useEffect } from "react";

/** Last-resort boundary: production hides server error details, so say what the user can do. */
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="alert alert-error" role="alert">
      <h2>Something went wrong</h2>
      <p>
        The page could not be rendered.{error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <button type="button" className="btn" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
