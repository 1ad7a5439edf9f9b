import "server-only";
import { AppError } from "@/lib/errors";
import { parseKitgateReference } from "@/lib/registry/parse-kitgate-reference";
import type { Actor } from "./dto";
import { loadModelKit, type LoadedModelKit } from "./load-modelkit";
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
  const loaded = await loadModelKit(repo.source, repo.registry, repo.repository, digest);
  return { ...loaded, repo, digest, tag: ref.tag };
}
