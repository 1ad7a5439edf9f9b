import { ANNOTATION } from "./constants";
import { parseLayerMediaType } from "./parse-layer-media-type";
import type { KitValidationIssue, Kitfile } from "./types";

export interface ModelPackLayerLike {
  mediaType: string;
  digest: string;
  annotations?: Record<string, string>;
}

export interface GeneratedKitfile {
  kitfile: Kitfile;
  /** where kit's GenerateKitfileForModelPack stops with an error; the Kitfile holds what could be read */
  problems: KitValidationIssue[];
}

/**
 * kit's GenerateKitfileForModelPack (pkg/artifact), re-created from its test cases
 * (pkg/artifact/testdata/kitfile-generation): a ModelPack without the Kitfile annotation gets a Kitfile
 * with `manifestVersion` and layer entries only. The first weight is the model, further weights and
 * every weight config are parts; code, dataset and doc map to their lists, in layer order, with the
 * diffId from `modelfs.diffIds` by layer index when the config is given. Every layer needs the
 * `org.cncf.model.filepath` annotation. Where kit errors, this reports and carries on.
 */
export function generateKitfileForModelPack(layers: ModelPackLayerLike[], diffIds: string[] | null): GeneratedKitfile {
  const kitfile: Kitfile = { manifestVersion: "1.0.0" };
  const problems: KitValidationIssue[] = [];
  if (diffIds !== null && diffIds.length !== layers.length) {
    problems.push({
      rule: "modelfs-diffids-mismatch",
      field: "config.modelfs.diffIds",
      message: `invalid ModelPack config: it lists ${diffIds.length} diffIds for ${layers.length} layers`,
    });
  }
  const useDiffIds = diffIds !== null && diffIds.length === layers.length;
  layers.forEach((layer, index) => {
    const mt = parseLayerMediaType(layer.mediaType);
    if ((mt.family !== "modelpack" && mt.family !== "cnai") || mt.problem) {
      problems.push({
        rule: "layer-media-type",
        field: `layers[${index}].mediaType`,
        message: `failed to parse media type ${JSON.stringify(layer.mediaType)}${mt.problem ? `: ${mt.problem}` : ""}`,
      });
      if (mt.family !== "modelpack" && mt.family !== "cnai") return;
    }
    const path = layer.annotations?.[ANNOTATION.filepath] ?? layer.annotations?.[ANNOTATION.legacyFilepath];
    if (!path) {
      problems.push({
        rule: "layer-without-filepath",
        field: `layers[${index}].annotations`,
        message: `unknown file path for layer ${layer.digest}: no ${ANNOTATION.filepath} annotation`,
      });
      return;
    }
    const info = { path, digest: layer.digest, ...(useDiffIds ? { diffId: diffIds[index]! } : {}) };
    switch (mt.kind) {
      case "model":
        kitfile.model ??= {};
        if (kitfile.model.path === undefined) Object.assign(kitfile.model, info);
        else (kitfile.model.parts ??= []).push(info);
        break;
      case "modelpart":
        kitfile.model ??= {};
        (kitfile.model.parts ??= []).push(info);
        break;
      case "code":
        (kitfile.code ??= []).push(info);
        break;
      case "dataset":
        (kitfile.datasets ??= []).push(info);
        break;
      case "docs":
        (kitfile.docs ??= []).push(info);
        break;
      default:
        break;
    }
  });
  return { kitfile, problems };
}
