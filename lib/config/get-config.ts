import "server-only";
import { loadConfig } from "./load-config";
import type { KitgateConfig } from "./types";

/** The config for server code: `KITGATE_CONFIG` or `./kitgate.yaml`, re-read only when the file changes. */
export function getConfig(): Promise<KitgateConfig> {
  return loadConfig();
}
