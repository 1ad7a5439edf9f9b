import "server-only";
import { LRUCache } from "lru-cache";
import { createSingleFlight } from "@/lib/cache/single-flight";
import { AppError } from "@/lib/errors";
import { computeDigest } from "@/lib/oci/digest/compute-digest";
import { parseDigest } from "@/lib/oci/digest/parse-digest";
import type { Descriptor, ImageManifest } from "@/lib/oci/types";
import { readBlobBytes } from "@/lib/registry/read-blob-bytes";
import type { RegistrySource } from "@/lib/registry/types";
import { AMT, COSIGN_SIGNATURE_ANNOTATION, OCI_CREATED_ANNOTATION } from "./attest-media-types";
import { inspectNotation } from "./inspect-notation";
import { MAX_ENVELOPE_BYTES, MAX_LAYERS_PER_MANIFEST, MAX_REFERRERS } from "./limits";
import { parseJsonCapped } from "./parse-json-capped";
import { SCAN_PREDICATE_TYPE } from "./predicate-types";
import { summariseScan } from "./summarise-scan";
import type { TrustMaterial } from "./trust-types";
import type { AttestationDTO, AttestationSource, EnvelopeKind } from "./types";
import type { VerificationOutcome } from "./verification-types";
import { verifyDsse } from "./verify-dsse";
import { verifySigstoreBundle } from "./verify-sigstore-bundle";
import { verifySimpleSigning } from "./verify-simple-signing";

export type AttestationRegistry = Pick<RegistrySource, "listReferrers" | "getManifest" | "getBlob" | "capabilities">;

export interface DiscoveryOptions {
  /**
   * The repository's tags, when the caller has just listed them (the versions page): cosign's `.att`/`.sig` tags
   * and the fallback index are then only fetched when they exist, instead of three 404s per version.
   */
  tags?: ReadonlySet<string>;
}

/** Badges on a versions page may be this old: long enough for a page that is reloaded or paged, short enough to
 * show a new signature soon. The attestations tab, the API and policy evaluation always discover afresh. */
const BADGE_MEMO_MS = 15_000;
const badgeMemo = new LRUCache<string, AttestationDTO[]>({ max: 2_000, ttl: BADGE_MEMO_MS });
const badgeFlight = createSingleFlight<AttestationDTO[]>();

/**
 * `discoverAttestations` memoised for `BADGE_MEMO_MS` per registry, repository, digest and trust, with concurrent
 * callers sharing one discovery. Failures and timeouts are not memoised, and a discovery that fails is forgotten at
 * once, so a registry that hung once is asked again on the next request.
 */
export async function discoverAttestationsForBadge(
  registry: AttestationRegistry & { readonly name: string },
  repository: string,
  manifestDigest: string,
  trust: TrustMaterial,
  options: DiscoveryOptions = {},
): Promise<AttestationDTO[]> {
  const trustId = trust.keys.map((k) => `${k.name}:${k.hints.join(",")}`).join(";") + `|${trust.sigstoreTrustedRoot ? "root" : ""}`;
  const key = [registry.name, repository, manifestDigest, trustId].join("\u0000");
  const hit = badgeMemo.get(key);
  if (hit) return hit;
  return badgeFlight(key, async () => {
    const found = await discoverAttestations(registry, repository, manifestDigest, trust, options);
    badgeMemo.set(key, found);
    return found;
  });
}

interface Carrier {
  source: AttestationSource;
  manifestDigest: string;
  manifest: ImageManifest;
}

/**
 * Every signature and attestation attached to one ModelKit manifest, verified: OCI referrers (API or `sha256-<hex>`
 * fallback index, as the source provides them; every referrer manifest is fetched since fallback entries may lack
 * annotations), then cosign's `sha256-<hex>.att` and `.sig` tags. One item per envelope; registry errors on one carrier
 * become a `malformed` item instead of hiding the others.
 */
export async function discoverAttestations(
  registry: AttestationRegistry,
  repository: string,
  manifestDigest: string,
  trust: TrustMaterial,
  options: DiscoveryOptions = {},
): Promise<AttestationDTO[]> {
  const { algorithm, hex } = parseDigest(manifestDigest, "BAD_REQUEST");
  const out: AttestationDTO[] = [];
  const has = (tag: string) => !options.tags || options.tags.has(tag);
  // Without a referrers API the only referrers are in the fallback tag: a tag list that lacks it saves the request.
  const skipReferrers = registry.capabilities.referrersApi === false && !has(`${algorithm}-${hex}`);
  const referrers = skipReferrers ? [] : await registry.listReferrers(repository, manifestDigest);
  // read after listing: the remote source learns whether the API exists on its first referrers request
  const referrerSource: AttestationSource = registry.capabilities.referrersApi === true ? "referrers-api" : "fallback-index";
  for (const desc of referrers.slice(0, MAX_REFERRERS)) {
    const carrier = await loadCarrier(registry, repository, desc.digest, referrerSource).catch((e) => carrierError(e, desc, referrerSource));
    if ("dto" in carrier) out.push(carrier.dto);
    else out.push(...(await fromCarrier(registry, repository, carrier, trust, manifestDigest)));
  }
  if (referrers.length > MAX_REFERRERS) {
    out.push(placeholder(referrerSource, null, "unknown", "malformed", `only the first ${MAX_REFERRERS} of ${referrers.length} referrers were read`));
  }

  for (const [suffix, source] of [["att", "cosign-att-tag"], ["sig", "cosign-sig-tag"]] as const) {
    const tag = `${algorithm}-${hex}.${suffix}`;
    if (!has(tag)) continue;
    let carrier: Carrier;
    try {
      carrier = await loadCarrier(registry, repository, tag, source);
    } catch (e) {
      if (e instanceof AppError && e.code === "NOT_FOUND") continue;
      const c = carrierError(e, { digest: tag }, source);
      out.push(c.dto);
      continue;
    }
    // A referrer may also be tagged (some tools do both): list each manifest once.
    if (out.some((a) => a.manifestDigest === carrier.manifestDigest)) continue;
    out.push(...(await fromCarrier(registry, repository, carrier, trust, manifestDigest)));
  }
  return out;
}

async function loadCarrier(registry: AttestationRegistry, repository: string, reference: string, source: AttestationSource): Promise<Carrier> {
  const fetched = await registry.getManifest(repository, reference);
  const json = parseJsonCapped(Buffer.from(fetched.bytes).toString("utf8"));
  if (!json.ok) throw new AppError("MALFORMED_CONTENT", `manifest ${reference} is ${json.reason}`);
  const m = json.value as ImageManifest;
  if (!m || typeof m !== "object" || !Array.isArray(m.layers)) throw new AppError("MALFORMED_CONTENT", `${reference} is not an image manifest`);
  return { source, manifestDigest: fetched.descriptor.digest, manifest: m };
}

function carrierError(e: unknown, desc: Pick<Descriptor, "digest">, source: AttestationSource): { dto: AttestationDTO } {
  if (!(e instanceof AppError)) throw e;
  return { dto: placeholder(source, desc.digest, "unknown", "malformed", `could not read ${desc.digest}: ${e.message.slice(0, 300)}`) };
}

async function fromCarrier(
  registry: AttestationRegistry,
  repository: string,
  carrier: Carrier,
  trust: TrustMaterial,
  manifestDigest: string,
): Promise<AttestationDTO[]> {
  const { manifest } = carrier;
  const kind = manifest.artifactType || manifest.config?.mediaType || "";
  const created = typeof manifest.annotations?.[OCI_CREATED_ANNOTATION] === "string" ? manifest.annotations[OCI_CREATED_ANNOTATION] : null;
  const out: AttestationDTO[] = [];
  const layers = manifest.layers.slice(0, MAX_LAYERS_PER_MANIFEST);
  for (const [index, layer] of layers.entries()) {
    const envelope = envelopeOf(layer?.mediaType, kind);
    if (!envelope) continue;
    let blob: Uint8Array;
    try {
      blob = await readBlobBytes(registry, repository, layer, MAX_ENVELOPE_BYTES);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push(placeholder(carrier.source, carrier.manifestDigest, envelope, "malformed", `envelope ${layer.digest}: ${e.message.slice(0, 300)}`, `${layer.digest}#${index}`));
      continue;
    }
    const result = verifyLayer(envelope, blob, layer, manifest, trust, manifestDigest);
    out.push(toDto(result, carrier, envelope, `${computeDigest(blob)}#${index}`, created, layer.annotations));
  }
  if (out.length === 0) {
    out.push(placeholder(carrier.source, carrier.manifestDigest, "unknown", "unsupported", `referrer of type ${JSON.stringify(kind.slice(0, 200))} holds no signature Kitgate reads`, null, created));
  }
  if (manifest.layers.length > MAX_LAYERS_PER_MANIFEST) {
    out.push(placeholder(carrier.source, carrier.manifestDigest, "unknown", "malformed", `only the first ${MAX_LAYERS_PER_MANIFEST} of ${manifest.layers.length} layers were read`));
  }
  return out;
}

function envelopeOf(layerType: string | undefined, manifestKind: string): EnvelopeKind | null {
  switch (layerType) {
    case AMT.dsseEnvelope:
      return "dsse";
    case AMT.sigstoreBundleV03:
      return "sigstore-bundle";
    case AMT.simpleSigning:
      return "cosign-simple-signing";
    case AMT.jose:
      return manifestKind === AMT.notarySignature ? "notation-jws" : null;
    case AMT.cose:
      return manifestKind === AMT.notarySignature ? "notation-cose" : null;
    default:
      // older sigstore bundle media types (`application/vnd.dev.sigstore.bundle+json;version=0.x`)
      return layerType?.startsWith("application/vnd.dev.sigstore.bundle") ? "sigstore-bundle" : null;
  }
}

function verifyLayer(
  envelope: EnvelopeKind,
  blob: Uint8Array,
  layer: Descriptor,
  manifest: ImageManifest,
  trust: TrustMaterial,
  manifestDigest: string,
): VerificationOutcome {
  switch (envelope) {
    case "dsse":
      return verifyDsse(blob, trust.keys, manifestDigest);
    case "sigstore-bundle":
      return verifySigstoreBundle(blob, trust, manifestDigest);
    case "cosign-simple-signing":
      return verifySimpleSigning(blob, layer.annotations?.[COSIGN_SIGNATURE_ANNOTATION], trust.keys, manifestDigest);
    default:
      return inspectNotation(blob, layer.mediaType, manifest.annotations, manifestDigest);
  }
}

function toDto(
  r: VerificationOutcome,
  carrier: Carrier,
  envelope: EnvelopeKind,
  id: string,
  created: string | null,
  layerAnnotations: Record<string, string> | undefined,
): AttestationDTO {
  const signed = r.status === "verified" || r.status === "subject-mismatch" ? r.statement : null;
  const predicateType = signed?.predicateType ?? null;
  const predicate = signed?.predicate ?? null;
  const annotationHint = layerAnnotations?.predicateType ?? carrier.manifest.annotations?.["dev.sigstore.bundle.predicateType"];
  return {
    id,
    source: carrier.source,
    manifestDigest: carrier.manifestDigest,
    envelope,
    predicateType,
    predicateTypeHint: (r.predicateTypeHint ?? (typeof annotationHint === "string" ? annotationHint : null))?.slice(0, 300) ?? null,
    status: r.status,
    statusReason: r.reason,
    signer: r.signer,
    subjectDigests: r.subjectDigests.slice(0, 50),
    createdAt: r.signedAt ?? signedTime(predicateType, predicate) ?? created,
    predicate,
    summary: summariseScan(predicateType, predicate),
  };
}

/** A time inside the signed predicate: the scan's last finish, or cosign vuln's `metadata.scanFinishedOn`. */
function signedTime(predicateType: string | null, predicate: unknown): string | null {
  const p = predicate as Record<string, unknown> | null;
  if (!p || typeof p !== "object") return null;
  if (predicateType === SCAN_PREDICATE_TYPE && Array.isArray(p.evaluations)) {
    const times = (p.evaluations as { execution?: { finishedOn?: unknown } }[])
      .map((e) => e?.execution?.finishedOn)
      .filter((t): t is string => typeof t === "string" && !Number.isNaN(Date.parse(t)));
    return times.sort().at(-1) ?? null;
  }
  const finished = (p.metadata as { scanFinishedOn?: unknown } | undefined)?.scanFinishedOn;
  return typeof finished === "string" && !Number.isNaN(Date.parse(finished)) ? finished : null;
}

function placeholder(
  source: AttestationSource,
  manifestDigest: string | null,
  envelope: EnvelopeKind,
  status: AttestationDTO["status"],
  reason: string,
  id?: string | null,
  createdAt: string | null = null,
): AttestationDTO {
  return {
    id: id ?? `${manifestDigest ?? "none"}#${source}`,
    source,
    manifestDigest,
    envelope,
    predicateType: null,
    predicateTypeHint: null,
    status,
    statusReason: reason,
    signer: null,
    subjectDigests: [],
    createdAt,
    predicate: null,
    summary: null,
  };
}
