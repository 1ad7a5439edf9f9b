import type { DiffSideDTO } from "../dto";
import type { LocatedModelKit } from "../locate-modelkit";

export function toDiffSide(kit: LocatedModelKit): DiffSideDTO {
  return {
    reference: `${kit.repo.registry}/${kit.repo.repository}@${kit.digest}`,
    registry: kit.repo.registry,
    repository: kit.repo.repository,
    digest: kit.digest,
    tag: kit.tag,
    format: kit.view.format,
    packageVersion: kit.view.kitfile?.package?.version ?? null,
  };
}
