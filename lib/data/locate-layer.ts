import "server-only";
import { AppError } from "@/lib/errors";
import type { KitLayer } from "@/lib/modelkit/types";
import type { Actor } from "@/lib/access/actor";
import { locateModelKit, type LocatedModelKit } from "./locate-modelkit";

/** A layer of the referenced ModelKit. A digest from a query string is never fetched unless the manifest lists it. */
export async function locateLayer(actor: Actor, ref: string, layerDigest: string): Promise<LocatedModelKit & { layer: KitLayer }> {
  const kit = await locateModelKit(actor, ref);
  const layer = kit.view.layers.find((l) => l.digest === layerDigest);
  if (!layer) throw new AppError("NOT_FOUND", `Layer ${layerDigest} is not part of ${ref}`);
  return { ...kit, layer };
}
