import "server-only";
import { getConfig } from "@/lib/config/get-config";
import { AppError } from "@/lib/errors";
import { kitfileToYaml } from "@/lib/modelkit/kitfile-to-yaml";
import type { ParentReference } from "@/lib/modelkit/types";
import { deploySnippets } from "@/lib/snippets/deploy-snippets";
import type { Actor } from "@/lib/access/actor";
import type { ModelKitDTO, ParentDTO } from "./dto";
import { locateModelKit } from "./locate-modelkit";
import { openRepository, type OpenRepository } from "./open-repository";

const KIT_FORMATS = new Set(["kit", "kit-legacy", "modelpack"]);

/** One version (tag or digest) of a repository, fully interpreted. Tags resolve fresh; the rest is by digest. */
export async function getModelKit(actor: Actor, input: { ref: string }): Promise<ModelKitDTO> {
  const { view, manifestBytes, repo, digest, tag } = await locateModelKit(actor, input.ref);

  return {
    reference: `${repo.registry}/${repo.repository}@${digest}`,
    registry: repo.registry,
    repository: repo.repository,
    tag,
    digest,
    tags: tag ? [tag] : [],
    view,
    kitfileYaml: view.kitfile ? kitfileToYaml(view.kitfile) : null,
    snippets: KIT_FORMATS.has(view.format)
      ? deploySnippets({ reference: `${await pullHost(repo)}/${repo.repository}`, digest, kitfile: view.kitfile })
      : [],
    parent: view.parent ? await resolveParent(actor, view.parent) : null,
    manifestJson: prettyJson(manifestBytes),
  };
}

async function pullHost(repo: OpenRepository): Promise<string> {
  const entry = (await getConfig()).registries.find((r) => r.name === repo.registry);
  return entry?.kind === "remote" ? new URL(entry.url).host : repo.registry;
}

/**
 * kit records a parent only as a tag reference (no digest pin), so show what it resolves to *now*. kit's own
 * parser files a first segment without `.`/`:` under `localhost`; Kitgate names registries that way too
 * (`local/demo/x:1`), so a `localhost` parent whose first path segment is a configured registry goes there.
 */
async function resolveParent(actor: Actor, parent: ParentReference): Promise<ParentDTO> {
  const candidates: { registry: string; repository: string }[] = [
    { registry: parent.registry, repository: parent.repository },
  ];
  const [first, ...rest] = parent.repository.split("/");
  if (parent.registry === "localhost" && first && rest.length > 0) {
    candidates.unshift({ registry: first, repository: rest.join("/") });
  }
  let lastError = "registry not configured in Kitgate";
  for (const c of candidates) {
    try {
      const repo = await openRepository(actor, c.registry, c.repository);
      const digest = parent.digest ?? (await repo.source.resolve(repo.repository, parent.tag ?? "latest")).digest;
      return {
        reference: parent.reference,
        href: `/kit?ref=${encodeURIComponent(`${repo.registry}/${repo.repository}@${digest}`)}`,
        digest,
        error: null,
      };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      lastError = e.message;
    }
  }
  return { reference: parent.reference, href: null, digest: null, error: lastError };
}

function prettyJson(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString("utf8");
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

