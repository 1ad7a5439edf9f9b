import Link from "next/link";

export interface TabLink {
  id: string;
  label: string;
  href: string;
  count?: number;
}

/** Tabs as plain links: every tab has a URL, works without JS, and back/forward behave. */
export function Tabs({ tabs, current, label }: { tabs: TabLink[]; current: string; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((t) => (
        <Link key={t.id} href={t.href} aria-current={t.id === current ? "page" : undefined} scroll={false}>
          {t.label}
          {t.count !== undefined ? <span className="muted"> {t.count}</span> : null}
        </Link>
      ))}
    </nav>
  );
}
