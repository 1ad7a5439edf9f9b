import "server-only";
import type { Actor } from "./dto";

const LOCAL_VIEWER: Actor = { id: "local-viewer", name: "Local viewer", kind: "local-viewer", groups: [] };

/**
 * Who is asking. Sign-in does not exist yet, so every request acts as the fixed local viewer; every data-layer
 * call already takes the actor, so adding authentication changes this function and no call site.
 */
export async function getActor(): Promise<Actor> {
  return LOCAL_VIEWER;
}
