// Stand-in for the `server-only` guard in Vitest (see vitest.config.ts).
export {};
