import type { ActorAccess } from "./types";

/** Who is asking: a signed-in user, an API token (acting for its owner) or anonymous. */
export interface Actor {
  id: string;
  name: string;
  kind: "local-viewer" | "user" | "token" | "anonymous";
  groups: string[];
  /** grants resolved for this request (lib/access); absent means no access at all */
  access?: ActorAccess;
}
