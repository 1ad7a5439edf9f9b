import type { ReactNode } from "react";

/** A scrollable, bordered table; the caption names it for screen readers (visible if `showCaption`). */
export function Table({ caption, showCaption, children }: { caption: string; showCaption?: boolean; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
