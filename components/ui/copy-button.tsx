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
      <span aria-hidden="true">{state === "copied" ? "✓" : "⧉"}</span>
      <span>{shown}</span>
      <span className="visually-hidden" role="status">
        {state === "copied" ? "Copied to clipboard" : state === "failed" ? "Copy failed" : ""}
      </span>
    </button>
  );
}
