import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { getActor } from "@/lib/data/get-actor";
import { listRegistries } from "@/lib/data/list-registries";
import { registryHref } from "@/lib/format/registry-href";
import { settle } from "@/lib/http/settle";

export const dynamic = "force-dynamic";

export default async function RegistriesPage() {
  const result = await settle(listRegistries(await getActor()));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Registries</h1>
          <p className="sub">OCI registries Kitgate reads ModelKits from. Pick one to browse its repositories.</p>
        </div>
      </div>
      {!result.ok ? (
        <ErrorPanel error={result.error} />
      ) : result.data.length === 0 ? (
        <EmptyState title="No registries configured">
          Add one under <code>registries:</code> in <code>kitgate.yaml</code>.
        </EmptyState>
      ) : (
        <div className="card-grid">
          {result.data.map((r) => (
            <Link key={r.name} href={registryHref(r.name)} className="card" aria-label={`Registry ${r.name}`}>
              <h2>{r.name}</h2>
              <dl className="dl">
                <dt>Kind</dt>
                <dd>{r.kind === "oci-layout" ? "Embedded OCI layout" : "Remote registry"}</dd>
                <dt>Location</dt>
                <dd>
                  <code>{r.location}</code>
                </dd>
                <dt>Capabilities</dt>
                <dd className="row">
                  <Capability on={r.capabilities.catalog} label="catalog" />
                  <Capability on={r.capabilities.referrersApi} label="referrers API" />
                  <Capability on={r.capabilities.tagPagination} label="tag paging" />
                  <Capability on={r.capabilities.range} label="range reads" />
                </dd>
              </dl>
            </Link>
          ))}
        </div>
      )}
    </>
  );
}

function Capability({ on, label }: { on: boolean | "unknown"; label: string }) {
  if (on === "unknown")
    return (
      <Badge tone="neutral" title={`${label}: not probed yet`}>
        ? {label}
      </Badge>
    );
  return (
    <Badge tone={on ? "ok" : "neutral"} title={`${label}: ${on ? "supported" : "not supported"}`}>
      {on ? "✓" : "✗"} {label}
    </Badge>
  );
}
