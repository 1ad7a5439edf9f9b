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
const sides = { base: reference, head: reference };

/** `GET /api/v1/diff?base=&head=` and the `/diff` page. */
export const diffQuery = z.object(sides);
export type DiffQuery = z.infer<typeof diffQuery>;

/** `GET /api/v1/diff/files?base=&head=&section=&key=`: the file tree diff of one entry. */
export const entryFilesDiffQuery = z.object({
  ...sides,
  section: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(DIFF_SECTIONS as unknown as [DiffSection, ...DiffSection[]])),
  key: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().min(1).max(MAX_PATH_LENGTH)),
});
export type EntryFilesDiffQuery = z.infer<typeof entryFilesDiffQuery>;

/** `GET /api/v1/diff/file?base=&head=&path=&offset=&limit=&ignoreWhitespace=&csvKey=&csvOffset=`. */
export const fileDiffQuery = z.object({
  ...sides,
  path: filePath,
  offset: offset(MAX_HUNK_OFFSET),
  limit: optional(z.coerce.number().int().min(1).max(MAX_HUNKS_PER_REQUEST)),
  ignoreWhitespace: flag,
  csvKey: optional(z.string().max(MAX_COLUMN_NAME_LENGTH)),
  csvOffset: offset(MAX_CSV_OFFSET),
});
export type FileDiffQuery = z.infer<typeof fileDiffQuery>;
