"use client";

import { useEffect, useState } from "react";

/** How long "Copied" stays visible: long enough to read, short enough to copy again. */
const COPIED_VISIBLE_MS = 1500;

/** Copies `text` to the clipboard; shows a visible "Copied" state and announces it to screen readers. */
export function CopyButton({ text, label, children }: { text: string; label: string; children?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), COPIED_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  const shown = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : (children ?? "Copy");
  return (
    <button
      type="button"
      className="btn btn-sm copy-btn"
      onClick={copy}
      aria-label={label}
      title={label}
      data-copied={state === "copied"}
    >
      {state === "copied" ? <CheckIcon /> : <CopyIcon />}
      <span>{shown}</span>
      <span className="visually-hidden" role="status">
        {state === "copied" ? "Copied to clipboard" : state === "failed" ? "Copy failed" : ""}
      </span>
    </button>
  );
}

// Inline icons: system fonts on servers and CI lack the clipboard glyphs, and icon fonts would be a download.
function CopyIcon() {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-7a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h1" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M3 8.5l3.5 3.5L13 4.5" />
    </svg>
  );
}
