import { ButtonLink } from "./button";

/** Cursor pagination: registries only give "next", so the way back is "First". */
export function Pagination({ firstHref, nextHref, isFirst }: { firstHref: string; nextHref: string | null; isFirst: boolean }) {
  if (isFirst && !nextHref) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      <ButtonLink href={firstHref} size="sm" disabled={isFirst}>
        « First
      </ButtonLink>
      <ButtonLink href={nextHref ?? firstHref} size="sm" disabled={!nextHref} rel="next">
        Next »
      </ButtonLink>
    </nav>
  );
}
