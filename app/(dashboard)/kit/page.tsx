import { Suspense } from "react";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Bytes } from "@/components/ui/bytes";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { FormatBadge } from "@/components/ui/format-badge";
import { SectionLoading } from "@/components/ui/section-loading";
import { Tabs, type TabLink } from "@/components/ui/tabs";
import { FilesBrowser } from "@/components/kit/files-browser";
import { KitOverview } from "@/components/kit/kit-overview";
import { LayerTable } from "@/components/kit/layer-table";
import { ManifestView } from "@/components/kit/manifest-view";
import { SnippetList } from "@/components/kit/snippet-list";
import { EvidenceDownloads } from "@/components/audit/evidence-downloads";
import { CompareWith } from "@/components/diff/compare-with";
import { getActor } from "@/lib/data/get-actor";
import { getModelKit } from "@/lib/data/get-modelkit";
import type { ModelKitDTO } from "@/lib/data/dto";
import { kitHref } from "@/lib/format/kit-href";
import { registryHref } from "@/lib/format/registry-href";
import { repositoryHref } from "@/lib/format/repository-href";
import { shortDigest } from "@/lib/format/short-digest";
import { parsePageInput } from "@/lib/http/parse-page-input";
import { settle } from "@/lib/http/settle";
import { kitPageSearch, type KitTab } from "@/lib/validations/modelkit-query";
import { AttestationsTab } from "./_sections/attestations-tab";
import { DeployChecksTab } from "./_sections/deploy-checks-tab";
import { PromotionControl } from "./_sections/promotion-control";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  const ref = (await searchParams).ref;
  return { title: typeof ref === "string" ? ref : "ModelKit" };
}

const KIT_FORMATS = new Set(["kit", "kit-legacy", "modelpack"]);

function tabsFor(kit: ModelKitDTO, ref: string): TabLink[] {
  const isKit = KIT_FORMATS.has(kit.view.format);
  const all: (TabLink & { show: boolean })[] = [
    { id: "overview", label: "Overview", href: kitHref(ref), show: true },
    { id: "files", label: "Files", href: kitHref(ref, { tab: "files" }), show: isKit },
    { id: "kitfile", label: "Kitfile", href: kitHref(ref, { tab: "kitfile" }), show: isKit },
    { id: "layers", label: "Layers", href: kitHref(ref, { tab: "layers" }), count: kit.view.layers.length, show: kit.view.format !== "index" },
    { id: "manifest", label: "Manifest", href: kitHref(ref, { tab: "manifest" }), show: true },
    { id: "deploy", label: "Deploy", href: kitHref(ref, { tab: "deploy" }), show: isKit },
    { id: "attestations", label: "Attestations", href: kitHref(ref, { tab: "attestations" }), show: true },
    { id: "checks", label: "Deploy checks", href: kitHref(ref, { tab: "checks" }), show: isKit },
  ];
  return all.filter((t) => t.show);
}

export default async function KitPage({ searchParams }: Props) {
  const input = await parsePageInput(kitPageSearch, searchParams);
  if (!input.ok)
    return (
      <>
        <Breadcrumbs items={[{ label: "Registries", href: "/" }, { label: "ModelKit" }]} />
        <ErrorPanel error={input.error} />
      </>
    );
  const { ref, layer, path, full } = input.data;
  const result = await settle(async () => getModelKit(await getActor(), { ref }));
  if (!result.ok)
    return (
      <>
        <Breadcrumbs items={[{ label: "Registries", href: "/" }, { label: ref }]} />
        <ErrorPanel error={result.error} />
      </>
    );
  const kit = result.data;
  const tabs = tabsFor(kit, ref);
  const tab: KitTab = tabs.some((t) => t.id === input.data.tab) ? input.data.tab : "overview";
  const pkg = kit.view.kitfile?.package;
  const title = pkg?.name ?? kit.repository;
  const version = kit.tag ?? shortDigest(kit.digest);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Registries", href: "/" },
          { label: kit.registry, href: registryHref(kit.registry) },
          { label: kit.repository, href: repositoryHref(kit.registry, kit.repository) },
          { label: version },
        ]}
      />
      <div className="page-head">
        <div>
          <h1 className="kit-title">
            {title}
            {pkg?.version ? <span className="muted">{pkg.version}</span> : null}
            <FormatBadge format={kit.view.format} />
          </h1>
          <div className="kit-meta">
            <span className="row">
              {kit.tags.map((t) => (
                <span key={t} className="chip">
                  {t}
                </span>
              ))}
            </span>
            <span className="cell-digest">
              <code title={kit.digest}>{shortDigest(kit.digest)}</code>
              <CopyButton text={kit.digest} label={`Copy digest ${kit.digest}`} />
            </span>
            {kit.view.format !== "index" ? (
              <span>
                <Bytes value={kit.view.totalSize} /> in {kit.view.layers.length} {kit.view.layers.length === 1 ? "layer" : "layers"}
              </span>
            ) : null}
          </div>
        </div>
        <div className="row">
          <code className="muted ref-line" title={kit.reference}>
            {kit.reference}
          </code>
          <CopyButton text={kit.reference} label={`Copy pinned reference ${kit.reference}`}>
            Copy reference
          </CopyButton>
          {KIT_FORMATS.has(kit.view.format) ? <CompareWith pageRef={ref} registry={kit.registry} repository={kit.repository} digest={kit.digest} /> : null}
          <EvidenceDownloads reference={kit.reference} />
          {KIT_FORMATS.has(kit.view.format) ? (
            <Suspense fallback={null}>
              <PromotionControl reference={kit.reference} registry={kit.registry} repository={kit.repository} />
            </Suspense>
          ) : null}
        </div>
      </div>
      <Tabs tabs={tabs} current={tab} label="ModelKit sections" />
      {tab === "overview" ? (
        <KitOverview kit={kit} pageRef={ref} />
      ) : tab === "files" ? (
        <FilesBrowser
          pageRef={ref}
          pinnedRef={kit.reference}
          layers={kit.view.layers.map((l) => ({ digest: l.digest, kind: l.kind, path: l.path, size: l.size }))}
          layer={layer ?? null}
          path={path ?? null}
          full={full}
        />
      ) : tab === "kitfile" ? (
        kit.kitfileYaml ? (
          <div className="stack">
            <div className="row" style={{ justifyContent: "space-between" }}>
              <p className="muted" style={{ margin: 0 }}>
                {kit.view.kitfileSource === "synthesised" ? "Rebuilt from the manifest (no Kitfile stored)." : `From the ${kit.view.kitfileSource ?? "config"}.`}
              </p>
              <CopyButton text={kit.kitfileYaml} label="Copy Kitfile" />
            </div>
            <pre className="code" aria-label="Kitfile">
              <code>{kit.kitfileYaml}</code>
            </pre>
          </div>
        ) : (
          <p className="muted">No Kitfile in this version.</p>
        )
      ) : tab === "layers" ? (
        <LayerTable layers={kit.view.layers} filesHref={(d) => kitHref(ref, { tab: "files", layer: d })} />
      ) : tab === "attestations" ? (
        <Suspense fallback={<SectionLoading />}>
          <AttestationsTab pageRef={ref} />
        </Suspense>
      ) : tab === "checks" ? (
        <Suspense fallback={<SectionLoading />}>
          <DeployChecksTab pageRef={ref} env={input.data.env} />
        </Suspense>
      ) : tab === "manifest" ? (
        <ManifestView annotations={kit.view.annotations} manifestJson={kit.manifestJson} mediaType={kit.view.mediaType} artifactType={kit.view.artifactType} />
      ) : (
        <SnippetList snippets={kit.snippets} />
      )}
    </>
  );
}
