// zstd-codec ships no types; only the part used for demo fixtures is declared.
declare module "zstd-codec" {
  export const ZstdCodec: unknown;
}
