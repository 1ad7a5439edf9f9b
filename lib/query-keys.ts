// One key factory for every React Query cache entry, so invalidation and prefetching can never drift
// apart from the fetches. Keys start with the resource name; digest-addressed keys are immutable.
export const queryKeys = {
  all: ["kitgate"] as const,
  layerFiles: (ref: string, layer: string) => [...queryKeys.all, "layer-files", ref, layer] as const,
  file: (ref: string, layer: string | null, path: string, full: boolean) =>
    [...queryKeys.all, "file", ref, layer ?? "", path, full] as const,
};
