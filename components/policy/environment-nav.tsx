import Link from "next/link";
import { searchString } from "@/lib/format/search-string";

/** One link per environment (each checklist has its own URL, works without JS). */
export function EnvironmentNav({ pageRef, environments, current }: { pageRef: string; environments: string[]; current: string }) {
  return (
    <nav className="tabs" aria-label="Environments">
      {environments.map((e) => (
        <Link key={e} href={`/kit${searchString({ ref: pageRef, tab: "checks", env: e })}`} aria-current={e === current ? "page" : undefined} scroll={false}>
          {e}
        </Link>
      ))}
    </nav>
  );
}
