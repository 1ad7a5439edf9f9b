// Budgets for attestation content. Everything here comes from a registry and is hostile until verified.

/** An envelope/bundle blob: cosign caps attachments at 128 MiB, but a signed scan report over 4 MiB is not a report a person reads; the manifest budget fits. */
export const MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;

/** Referrer manifests fetched per ModelKit: each costs a request; cosign's `.att` re-push pattern keeps real counts far below. */
export const MAX_REFERRERS = 200;

/** Layers (attestations) read from one `.att`/referrer manifest: cosign appends one per `attest`, dozens is already unusual. */
export const MAX_LAYERS_PER_MANIFEST = 100;

/** Signatures per DSSE envelope tried against every configured key: multi-signing uses a handful. */
export const MAX_SIGNATURES = 16;

/** JSON nesting accepted in payloads: real statements nest < 20 deep; deeper input would blow React's and JSON.stringify's stacks. */
export const MAX_JSON_DEPTH = 64;

/** Predicate JSON passed on to the UI/API: an SBOM can be large, but the page must stay usable; bigger ones are summarised only. */
export const MAX_PREDICATE_BYTES = 1024 * 1024;
