import { queryKeys } from "@/lib/query-keys";

// Diff cache keys, under the app's key root. Requests name both sides by digest-pinned references, so
// every answer is immutable and cached with staleTime Infinity.
export const diffKeys = {
  entryFiles: (base: string, head: string, section: string, key: string) =>
    [...queryKeys.all, "diff-entry-files", base, head, section, key] as const,
  file: (base: string, head: string, path: string, opts: { offset: number; ignoreWhitespace: boolean; csvKey: string | null; csvOffset: number }) =>
    [...queryKeys.all, "diff-file", base, head, path, opts.offset, opts.ignoreWhitespace, opts.csvKey ?? "", opts.csvOffset] as const,
  versions: (repository: string) => [...queryKeys.all, "compare-versions", repository] as const,
};
