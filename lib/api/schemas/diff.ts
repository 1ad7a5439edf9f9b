// Diff responses (lib/diff/types.ts, lib/data/dto.ts). "a"/"before" is the base, "b"/"after" the head.
import { z } from "zod";
import { DIFF_SECTIONS, type DiffSection } from "@/lib/diff/types";
import { fileEntrySchema, kitValidationIssueSchema, layerKind, tensorHeaderSchema } from "./browse";
import { count, digest, jsonValue } from "./common";
import { named } from "./components";

const nullableString = z.string().nullable();
const optText = z.string().optional();
const changeKind = z.enum(["added", "removed", "changed"]);
const counts4 = z.strictObject({ added: count, removed: count, changed: count, unchanged: count });
export const diffSection = z.enum(DIFF_SECTIONS as unknown as [DiffSection, ...DiffSection[]]);
/** One key per Kitfile section, each present. */
const perSection = <T extends z.ZodType>(value: T) =>
  z.strictObject(Object.fromEntries(DIFF_SECTIONS.map((s) => [s, value])) as Record<DiffSection, T>);

export const diffSideSchema = named(
  "DiffSide",
  z.strictObject({
    reference: z.string(),
    registry: z.string(),
    repository: z.string(),
    digest,
    tag: nullableString,
    format: z.enum(["kit", "kit-legacy", "modelpack", "index", "image", "artifact"]),
    packageVersion: nullableString,
  }),
);

const layerRef = named(
  "LayerRef",
  z.strictObject({
    mediaType: z.string(),
    digest,
    size: count,
    kind: layerKind,
    path: nullableString,
    annotatedPath: nullableString.describe("the layer's own `org.cncf.model.filepath`, the only path `kit diff` compares"),
    diffId: nullableString,
  }),
);

const manifestDiff = z
  .strictObject({
    identical: z.boolean(),
    sameConfig: z.boolean(),
    configDigestA: nullableString,
    configDigestB: nullableString,
    annotationsMatch: z.boolean(),
    annotationChanges: z.array(
      z.strictObject({ key: z.string(), kind: changeKind, before: optText, after: optText, noise: z.boolean().describe("the kit CLI version or the pack time (`org.opencontainers.image.created`)") }),
    ),
    annotationsDifferOnlyByNoise: z.boolean(),
    sharedLayers: z.array(layerRef),
    uniqueToA: z.array(layerRef),
    uniqueToB: z.array(layerRef),
    pairs: z.array(
      z.strictObject({
        kind: layerKind,
        path: nullableString,
        a: layerRef,
        b: layerRef,
        sameContent: z.boolean().describe("equal diffIds: only the compression changed"),
      }),
    ),
  })
  .describe("`kit diff` parity");

const entrySide = z.strictObject({
  path: z.string(),
  name: optText,
  digest: nullableString,
  size: count.nullable(),
  mediaType: nullableString,
  diffId: nullableString,
  external: z.boolean(),
  remotePath: optText,
  remoteHash: optText,
});

const entryDiff = named(
  "EntryDiff",
  z.strictObject({
    section: diffSection,
    key: z.string().describe("the name or path the two sides were matched by"),
    status: z.enum(["added", "removed", "changed", "unchanged"]),
    before: entrySide.optional(),
    after: entrySide.optional(),
    recompressed: z.boolean(),
  }),
);

export const modelKitDiffSchema = named(
  "ModelKitDiff",
  z.strictObject({
    base: diffSideSchema,
    head: diffSideSchema,
    diff: z.strictObject({
      summary: z.strictObject({
        identical: z.boolean(),
        sections: perSection(counts4),
        layers: z.strictObject({ shared: count, uniqueA: count, uniqueB: count, recompressed: count }),
        bytesDiffering: count.describe("bytes of head layers not in base: what a deploy of head pulls on top of base"),
        cliVersionNoise: z.boolean(),
        configChanged: z.boolean(),
        kitfileChanges: count,
        modelCardChanges: count.describe("ModelPack descriptor/config fields changed, the pack time excluded"),
        kitRejectionsIntroduced: count.describe("problems kit would reject in the head that the base did not have"),
      }),
      manifest: manifestDiff,
      kitfile: z.array(
        z.strictObject({
          path: z.string().describe("`package.version`, `model.parts[lora].path`, `datasets[train].remoteHash`"),
          kind: changeKind,
          before: jsonValue.optional(),
          after: jsonValue.optional(),
        }),
      ),
      entries: perSection(z.array(entryDiff)),
      modelCard: z.array(
        z.strictObject({
          path: z.string().describe("`descriptor.licenses[0]`, `config.capabilities.inputTypes`"),
          kind: changeKind,
          before: jsonValue.optional(),
          after: jsonValue.optional(),
          noise: z.boolean().describe("`descriptor.createdAt`: kit writes the pack time"),
        }),
      ),
      kitRejections: z.strictObject({
        base: z.array(kitValidationIssueSchema),
        head: z.array(kitValidationIssueSchema),
        introduced: z.array(kitValidationIssueSchema),
        fixed: z.array(kitValidationIssueSchema),
      }),
    }),
  }),
);

// ---------------------------------------------------------------- file trees

const fileSide = z.strictObject({
  type: fileEntrySchema.shape.type,
  size: count,
  mode: count,
  linkTarget: optText,
  sha256: optText,
});

export const entryFilesDiffSchema = named(
  "EntryFilesDiff",
  z.strictObject({
    section: z.string(),
    key: z.string(),
    baseLayer: nullableString,
    headLayer: nullableString,
    tree: z.strictObject({
      changes: z.array(
        z.strictObject({
          path: z.string(),
          kind: z.enum(["added", "removed", "modified", "mode-changed", "type-changed"]),
          before: fileSide.optional(),
          after: fileSide.optional(),
          modeChanged: z.boolean(),
          comparedBy: z.enum(["digest", "size", "link", "none"]),
        }),
      ),
      counts: z.strictObject({
        added: count,
        removed: count,
        modified: count,
        modeChanged: count,
        typeChanged: count,
        unchanged: count,
        unverified: count.describe("same size and no digests to compare"),
      }),
      bytesBefore: count,
      bytesAfter: count,
    }),
    truncated: z.boolean().describe("a listing stopped at a budget: the tree covers only what was listed"),
  }),
);

// ---------------------------------------------------------------- one file

const fileDiffSide = z.strictObject({ layerDigest: z.string(), size: count, mode: count, sha256: nullableString });

const textBody = named(
  "TextDiffPage",
  z.strictObject({
    status: z.enum(["ok", "skipped", "timeout"]),
    stats: z.strictObject({ added: count, removed: count, linesA: count, linesB: count }).nullable(),
    patch: z.string().describe("unified patch of the requested page of hunks (diff2html input); empty when skipped"),
    offset: count,
    totalHunks: count,
    totalLines: count,
  }),
);

const csvColumnStats = z.strictObject({
  column: z.string(),
  rows: count,
  nulls: count,
  distinct: count,
  distinctAtLeast: z.boolean(),
  numeric: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  mean: z.number().optional(),
});

const csvDiff = z.strictObject({
  delimiter: z.enum([",", "\t"]),
  mode: z.enum(["keyed", "positional"]),
  keyColumn: nullableString,
  columns: z.array(
    z.strictObject({
      kind: z.enum(["added", "removed", "renamed"]),
      before: optText,
      after: optText,
      indexBefore: count.optional(),
      indexAfter: count.optional(),
    }),
  ),
  comparedColumns: z.array(z.string()),
  rowsBefore: count,
  rowsAfter: count,
  counts: counts4,
  page: z.strictObject({
    offset: count,
    limit: count,
    total: count,
    rows: z.array(
      z.strictObject({
        kind: changeKind,
        key: optText,
        rowBefore: count.optional(),
        rowAfter: count.optional(),
        values: z.record(z.string(), z.string()).optional(),
        cells: z.array(z.strictObject({ column: z.string(), before: z.string(), after: z.string() })).optional(),
      }),
    ),
  }),
  stats: z.array(z.strictObject({ column: z.string(), before: csvColumnStats.nullable(), after: csvColumnStats.nullable() })),
  truncated: z.boolean(),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
});

const notebookDiff = z.strictObject({
  matchedBy: z.enum(["id", "source"]),
  cells: z.array(
    z.strictObject({
      kind: z.enum(["added", "removed", "changed", "moved", "unchanged"]),
      cellId: optText,
      cellType: z.string(),
      indexBefore: count.optional(),
      indexAfter: count.optional(),
      sourceBefore: optText,
      sourceAfter: optText,
      sourceChanged: z.boolean(),
      cellTypeChanged: z.boolean(),
      outputs: z.array(
        z.strictObject({
          index: count,
          kind: changeKind,
          what: z.string(),
          before: optText,
          after: optText,
          summary: optText,
        }),
      ),
    }),
  ),
  counts: z.strictObject({ added: count, removed: count, changed: count, moved: count, unchanged: count }),
  metadataChanged: z.boolean(),
});

const tensorDiff = z.strictObject({
  changes: z.array(
    z.strictObject({
      name: z.string(),
      kind: z.enum(["added", "removed", "shape-changed", "dtype-changed", "shape-and-dtype-changed"]),
      dtypeBefore: optText,
      dtypeAfter: optText,
      shapeBefore: z.array(count).optional(),
      shapeAfter: z.array(count).optional(),
    }),
  ),
  counts: counts4,
  parameterCount: z.strictObject({ before: count, after: count, delta: z.number().int() }),
  metadata: z.array(z.strictObject({ key: z.string(), kind: changeKind, before: jsonValue.optional(), after: jsonValue.optional() })),
  truncated: z.boolean(),
});

const fileDiffBase = {
  path: z.string(),
  class: z.enum(["text", "json", "yaml", "csv", "tsv", "notebook", "safetensors", "gguf", "markdown", "binary"]),
  base: fileDiffSide.nullable(),
  head: fileDiffSide.nullable(),
  identical: z.boolean().describe("same bytes on both sides"),
  note: nullableString.describe("why a body is missing or partial (budget, binary, timeout)"),
};

export const fileDiffSchema = named(
  "FileDiff",
  z.discriminatedUnion("kind", [
    z.strictObject({ ...fileDiffBase, kind: z.literal("text"), text: textBody }),
    z.strictObject({
      ...fileDiffBase,
      kind: z.literal("json"),
      text: textBody.nullable(),
      semantic: z.strictObject({
        changes: z.array(
          z.strictObject({
            path: z.string().describe("`$` root, `.key`, `[\"odd key\"]`, `[3]`"),
            kind: z.enum(["added", "removed", "changed", "type-changed"]),
            before: z.unknown().optional(),
            after: z.unknown().optional(),
          }),
        ),
        truncated: z.boolean(),
      }),
    }),
    z.strictObject({ ...fileDiffBase, kind: z.literal("csv"), csv: csvDiff, text: textBody.nullable() }),
    z.strictObject({ ...fileDiffBase, kind: z.literal("notebook"), notebook: notebookDiff, text: textBody }),
    z.strictObject({
      ...fileDiffBase,
      kind: z.literal("tensors"),
      baseHeader: tensorHeaderSchema.nullable(),
      headHeader: tensorHeaderSchema.nullable(),
      tensors: tensorDiff,
    }),
    z.strictObject({ ...fileDiffBase, kind: z.literal("binary") }),
  ]),
);
