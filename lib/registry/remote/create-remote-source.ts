import "server-only";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { fetchBlob } from "@/lib/oci/client/fetch-blob";
import { fetchCatalogPage } from "@/lib/oci/client/fetch-catalog-page";
import { fetchManifest } from "@/lib/oci/client/fetch-manifest";
import { listReferrers } from "@/lib/oci/client/list-referrers";
import { mountBlob } from "@/lib/oci/client/mount-blob";
import { pushBlob } from "@/lib/oci/client/push-blob";
import { listTagsPage } from "@/lib/oci/client/list-tags-page";
import { pageAfter } from "@/lib/oci/client/page-after";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import { resolveManifest } from "@/lib/oci/client/resolve-manifest";
import type { RegistryAuth } from "@/lib/oci/client/types";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import type { ByteRange, Descriptor, Fetcher, Page } from "@/lib/oci/types";
import type { RegistryCapabilities, RegistrySource } from "@/lib/registry/types";

export interface RemoteSourceOptions {
  /** shown in the UI and used as the registry alias in references */
  name: string;
  /** registry origin, http (loopback tests) or https */
  url: string;
  /** absent = anonymous (with the Bearer token flow if the registry asks for it) */
  auth?: RegistryAuth;
  /** repositories to list when the registry has no usable `_catalog` (GHCR, Docker Hub) */
  repositories?: string[];
  /** the edge fetcher; default global fetch */
  fetch?: Fetcher;
  /** time to response headers, and whole-request bound for small bodies */
  timeoutMs?: number;
  /** hosts besides the registry's own that may serve its token realm (config `auth.realmHosts`) */
  realmHosts?: string[];
}

/** Page size when the caller gives none: a screenful, and what most registries accept for `n`. */
const DEFAULT_PAGE_SIZE = 100;
/** Largest page a caller may ask for; distribution caps `n` at 1000 for _catalog too. */
const MAX_PAGE_SIZE = 1000;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

function validateAuth(auth: unknown): RegistryAuth | undefined {
  if (auth === undefined) return undefined;
  if (!isPlainObject(auth)) throw new TypeError("auth must be a plain object");
  const str = (k: string, optional = false) => {
    const v = auth[k];
    if (optional && v === undefined) return;
    if (typeof v !== "string" || v === "") throw new TypeError(`auth.${k} must be a non-empty string`);
  };
  switch (auth.type) {
    case "anonymous":
      return { type: "anonymous" };
    case "basic":
      str("username");
      str("password");
      return { type: "basic", username: auth.username as string, password: auth.password as string };
    case "bearer":
      str("username", true);
      str("password", true);
      if ((auth.username === undefined) !== (auth.password === undefined)) {
        throw new TypeError("auth.username and auth.password go together");
      }
      return auth.username === undefined
        ? { type: "bearer" }
        : { type: "bearer", username: auth.username as string, password: auth.password as string };
    case "token":
      str("token");
      return { type: "token", token: auth.token as string };
    default:
      throw new TypeError(`auth.type must be anonymous, basic, bearer or token, not ${JSON.stringify(auth.type)}`);
  }
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new AppError("BAD_REQUEST", `invalid page size ${limit}`);
  return Math.min(limit, MAX_PAGE_SIZE);
}

/**
 * A `RegistrySource` over the OCI distribution API. Options are validated here (TypeError on misuse);
 * everything the registry says is validated per call. Capabilities start optimistic and are corrected,
 * once and for all, by what the registry shows.
 */
export function createRemoteSource(options: RemoteSourceOptions): RegistrySource {
  if (!isPlainObject(options)) throw new TypeError("createRemoteSource needs an options object");
  const { name, url, repositories, fetch, timeoutMs } = options;
  if (typeof name !== "string" || name.trim() === "") throw new TypeError("name must be a non-empty string");
  if (typeof url !== "string") throw new TypeError("url must be a string");
  const auth = validateAuth(options.auth);
  if (repositories !== undefined) {
    if (!Array.isArray(repositories)) throw new TypeError("repositories must be an array of repository names");
    for (const r of repositories) {
      try {
        assertRepositoryName(r);
      } catch {
        throw new TypeError(`repositories: invalid repository name ${JSON.stringify(r)}`);
      }
    }
  }
  if (timeoutMs !== undefined && (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0)) {
    throw new TypeError("timeoutMs must be a positive number");
  }
  const ctx = createOciContext({ url, auth, fetch, timeoutMs, name, ...(options.realmHosts ? { realmHosts: options.realmHosts } : {}) });
  const configured = repositories ? [...repositories] : null;
  let catalog = true;

  const capabilities: RegistryCapabilities = {
    get catalog() {
      return catalog;
    },
    get referrersApi() {
      return ctx.probes.referrersApi;
    },
    get tagPagination() {
      return ctx.probes.tagPagination === true;
    },
    get range() {
      return ctx.probes.range !== false;
    },
  };

  async function listRepositories(cursor?: string | null, limit?: number): Promise<Page<string>> {
    const n = pageSize(limit);
    if (catalog) {
      try {
        const page = await fetchCatalogPage(ctx, { n, last: cursor ?? null });
        const repos = page.repositories;
        if (repos.length <= n && (!cursor || repos.every((r) => r > cursor))) {
          return { items: repos, next: page.nextUrl && repos.length > 0 ? repos[repos.length - 1]! : null };
        }
        return pageAfter(repos, cursor, n); // `n` ignored: page here
      } catch (e) {
        const unavailable = e instanceof AppError && ["NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN"].includes(e.code);
        if (!unavailable || !configured) throw e;
        catalog = false;
      }
    }
    return pageAfter(configured ?? [], cursor, n);
  }

  return {
    name,
    kind: "remote",
    capabilities,
    listRepositories,
    listTags: (repo: string, cursor?: string | null, limit?: number) => listTagsPage(ctx, repo, cursor, pageSize(limit)),
    resolve: (repo: string, reference: string): Promise<Descriptor> => resolveManifest(ctx, repo, reference),
    getManifest: (repo: string, reference: string) => fetchManifest(ctx, repo, reference),
    getBlob: (repo: string, desc: Pick<Descriptor, "digest" | "size">, range?: ByteRange): Promise<Readable> =>
      fetchBlob(ctx, repo, desc, range),
    listReferrers: (repo: string, digest: string, artifactType?: string) => listReferrers(ctx, repo, digest, artifactType),
    putManifest: (repo: string, reference: string, bytes: Uint8Array, mediaType: string) =>
      pushManifest(ctx, repo, reference, bytes, mediaType),
    putBlob: (repo: string, bytes: Uint8Array) => pushBlob(ctx, repo, bytes),
    mountBlob: (repo: string, fromRepo: string, desc: Pick<Descriptor, "digest" | "size">) => mountBlob(ctx, repo, fromRepo, desc.digest),
  };
}
