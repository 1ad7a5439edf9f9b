// Shapes from the OCI image and distribution specs. Everything read from a registry is untrusted:
// these types describe what was validated, never what was merely received.

export type Annotations = Record<string, string>;

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Annotations;
  artifactType?: string;
  urls?: string[];
  platform?: Platform;
  /** kit index entries carry free-form metadata here (kitops pkg/lib/index/index.go). */
  modelMetadata?: Record<string, unknown>;
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Annotations;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Annotations;
}

/** A manifest as fetched: the exact bytes (hash these, never a re-serialisation) and its descriptor. */
export interface FetchedManifest {
  descriptor: Descriptor;
  bytes: Uint8Array;
}

/** Every transport layer has this one shape, oras-go style: Repository → withAuth → withRetry → fetch. */
export type Fetcher = (req: Request) => Promise<Response>;

export interface ByteRange {
  /** inclusive start offset */
  start: number;
  /** inclusive end offset */
  end: number;
}

export interface Page<T> {
  items: T[];
  /** opaque cursor for the next page, null at the end */
  next: string | null;
}
