import { z } from "zod";
import { filePath, flag, layerDigest, optional, reference } from "./common";
import { environmentName } from "./policy-evaluate-query";

/** `GET /api/v1/modelkit?ref=`. */
export const modelKitQuery = z.object({ ref: reference });

/** `GET /api/v1/modelkit/files?ref=&layer=`. */
export const layerFilesQuery = z.object({ ref: reference, layer: layerDigest });

/** `GET /api/v1/modelkit/file?ref=&path=&layer=&full=`. */
export const fileQuery = z.object({
  ref: reference,
  path: filePath,
  layer: optional(layerDigest).describe("Layer digest (optional: the file is found by path otherwise)."),
  full: flag.describe("`1`: read past the display budget, up to the hard cap."),
});

export const KIT_TABS = ["overview", "files", "kitfile", "layers", "manifest", "deploy", "attestations", "checks"] as const;
export type KitTab = (typeof KIT_TABS)[number];

/** `/kit?ref=&tab=&layer=&path=` page: one version, each tab (and each opened file) has a URL. */
export const kitPageSearch = z.object({
  ref: reference,
  tab: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? "overview", z.enum(KIT_TABS)),
  layer: optional(layerDigest),
  path: optional(filePath),
  full: flag,
  /** Deploy checks tab: the environment whose checklist is shown */
  env: optional(environmentName),
});
