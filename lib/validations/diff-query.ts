import { z } from "zod";
import { DIFF_SECTIONS, type DiffSection } from "@/lib/diff/types";
import { MAX_PATH_LENGTH, filePath, flag, optional, reference } from "./common";

/** Hunks are numbered within one file's diff; no real file has more, and a bigger offset only wastes a request. */
export const MAX_HUNK_OFFSET = 1_000_000;
/** The data layer caps a page again (MAX_HUNKS_PER_PAGE); this only rejects absurd input early. */
export const MAX_HUNKS_PER_REQUEST = 200;
/** CSV row-change offsets: a 1M-row file with every row changed is the largest dataset diffed interactively. */
export const MAX_CSV_OFFSET = 10_000_000;
/** A column name is a CSV header cell; longer ones are not typed by a person choosing a key. */
export const MAX_COLUMN_NAME_LENGTH = 512;

const offset = (max: number) => optional(z.coerce.number().int().min(0).max(max));

/** Both sides of every diff request. Equal references are allowed: the answer is simply "identical". */
const sides = {
  base: reference.describe("Base reference (`REGISTRY/REPOSITORY:TAG` or `…@sha256:…`), e.g. `local/demo/fraud-detection:1.0.0`."),
  head: reference.describe("Head reference, in any configured registry, e.g. `local/demo/fraud-detection:1.1.0`."),
};

/** `GET /api/v1/diff?base=&head=` and the `/diff` page. */
export const diffQuery = z.object(sides);
export type DiffQuery = z.infer<typeof diffQuery>;

/** `GET /api/v1/diff/files?base=&head=&section=&key=`: the file tree diff of one entry. */
export const entryFilesDiffQuery = z.object({
  ...sides,
  section: z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(DIFF_SECTIONS as unknown as [DiffSection, ...DiffSection[]]))
    .describe("Kitfile section of the entry (`package` is the Kitfile's package block and config)."),
  key: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().min(1).max(MAX_PATH_LENGTH)).describe("The entry's `key` from `/diff` (its name, else its path)."),
});
export type EntryFilesDiffQuery = z.infer<typeof entryFilesDiffQuery>;

/** `GET /api/v1/diff/file?base=&head=&path=&offset=&limit=&ignoreWhitespace=&csvKey=&csvOffset=`. */
export const fileDiffQuery = z.object({
  ...sides,
  path: filePath.describe("File path inside the ModelKit, as listed by /diff/files."),
  offset: offset(MAX_HUNK_OFFSET).describe("First hunk of the page (text kinds); the next page starts after the hunks returned."),
  limit: optional(z.coerce.number().int().min(1).max(MAX_HUNKS_PER_REQUEST)).describe("Most hunks per page; a page also stops at the ~400-line auto-render budget."),
  ignoreWhitespace: flag.describe("`1`: compare lines ignoring whitespace."),
  csvKey: optional(z.string().max(MAX_COLUMN_NAME_LENGTH)).describe("CSV/TSV: match rows by this column instead of the detected key."),
  csvOffset: offset(MAX_CSV_OFFSET).describe("CSV/TSV: first row change of the page (50 per page)."),
});
export type FileDiffQuery = z.infer<typeof fileDiffQuery>;
