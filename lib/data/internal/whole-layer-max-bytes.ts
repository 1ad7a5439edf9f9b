import "server-only";
import { getConfig } from "@/lib/config/get-config";

/** Layers up to this size are read whole and verified before they are parsed (config `reads.wholeLayerMaxBytes`). */
export async function wholeLayerMaxBytes(): Promise<number> {
  return (await getConfig()).reads.wholeLayerMaxBytes;
}
