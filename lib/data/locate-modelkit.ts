import "server-only";
import { AppError } from "@/lib/errors";
import { parseKitgateReference } from "@/lib/registry/parse-kitgate-reference";
import type { Actor } from "@/lib/access/actor";
import { loadModelKit, type LoadedModelKit } from "./internal/load-modelkit";
import { openRepository, type OpenRepository } from "./open-repository";

export interface LocatedModelKit extends LoadedModelKit {
  repo: OpenRepository;
  digest: string;
  /** the tag the reference named, if any (resolved fresh: tags move) */
  tag: string | null;
}

/** Reference → permission check → digest → interpreted ModelKit. */
export async function locateModelKit(actor: Actor, input: string): Promise<LocatedModelKit> {
  const ref = parseKitgateReference(input);
  const repo = await openRepository(actor, ref.registry, ref.repository);
  // Resolve even a digest: the blob cache is shared across repositories, so this upstream check is what proves
  // the manifest exists in *this* repository (which the actor may read) and not only in another one.
  const digest = (await repo.source.resolve(repo.repository, ref.digest ?? ref.tag!)).digest;
  if (ref.digest && digest !== ref.digest) throw new AppError("DIGEST_MISMATCH", `${input} resolved to ${digest}`);
  let loaded: LoadedModelKit;
  try {
    loaded = await loadModelKit(repo.source, repo.registry, repo.repository, digest);
  } catch (e) {
    if (ref.digest || !(e instanceof AppError) || (e.code !== "NOT_FOUND" && e.code !== "DIGEST_MISMATCH")) throw e;
    // The tag's HEAD named a digest the registry does not serve: read the tag itself, verified against the
    // Docker-Content-Digest it comes with, so a lying registry is reported as lying rather than "not found".
    const byTag = await repo.source.getManifest(repo.repository, ref.tag!);
    if (byTag.descriptor.digest !== digest) {
      throw new AppError("DIGEST_MISMATCH", `registry ${repo.registry} said ${repo.repository}:${ref.tag} is ${digest}, but serves ${byTag.descriptor.digest}`, {
        details: { registry: repo.registry, repository: repo.repository, digest },
      });
    }
    throw e;
  }
  return { ...loaded, repo, digest, tag: ref.tag };
}
