import type { ReactNode } from "react";

/** A two-state button: `aria-pressed` tells assistive tech (and tests) which state is on. */
export function Toggle({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="btn btn-sm diff-toggle" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}
