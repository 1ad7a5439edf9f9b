import Link from "next/link";

export interface Crumb {
  label: string;
  href?: string;
}

/** registry › repository › version; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {items.map((c, i) =>
          i === items.length - 1 || !c.href ? (
            <li key={i} aria-current={i === items.length - 1 ? "page" : undefined}>
              {c.label}
            </li>
          ) : (
            <li key={i}>
              <Link href={c.href}>{c.label}</Link>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
