import type { DiffFileClass } from "@/lib/diff/types";
import { sniffBinary } from "./sniff-binary";

export interface ClassifyOptions {
  /** first bytes of the file (either side), used when the name does not decide */
  head?: Uint8Array;
  /** sizes of the two sides; an empty file with an unknown name is text */
  sizeA?: number;
  sizeB?: number;
}

const BY_EXTENSION: Record<string, DiffFileClass> = {
  ipynb: "notebook",
  json: "json", geojson: "json", jsonc: "json",
  yaml: "yaml", yml: "yaml",
  csv: "csv", tsv: "tsv", tab: "tsv",
  safetensors: "safetensors", gguf: "gguf",
  md: "markdown", markdown: "markdown", mdx: "markdown",
};

const TEXT_EXTENSIONS = new Set([
  "txt", "text", "log", "jsonl", "ndjson", "py", "pyi", "r", "jl", "ipy", "sql", "sh", "bash", "zsh", "ps1", "bat",
  "js", "mjs", "cjs", "ts", "tsx", "jsx", "java", "kt", "scala", "go", "rs", "c", "h", "cc", "cpp", "hpp", "cs", "swift",
  "rb", "php", "pl", "lua", "toml", "ini", "cfg", "conf", "env", "properties", "xml", "html", "htm", "css", "scss",
  "svg", "rst", "tex", "proto", "graphql", "tf", "hcl", "dockerfile", "make", "mk", "cmake", "gradle", "lock", "prompt",
  "jinja", "j2", "tmpl", "vocab", "merges", "gitignore", "kitignore", "dockerignore", "editorconfig",
]);

const TEXT_NAMES = new Set(["dockerfile", "makefile", "license", "licence", "notice", "readme", "authors", "contributing",
  "changelog", "requirements.txt", "codeowners", ".gitattributes"]);
const KITFILE_NAMES = new Set(["kitfile", ".kitfile"]);

const BINARY_EXTENSIONS = new Set([
  "bin", "pt", "pth", "ckpt", "onnx", "pb", "tflite", "h5", "hdf5", "keras", "pkl", "pickle", "joblib", "npy", "npz",
  "parquet", "arrow", "feather", "avro", "orc", "mlmodel", "engine", "plan", "mar", "mcpb", "model", "spm",
  "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "tar", "rar", "png", "jpg", "jpeg", "gif", "webp", "bmp", "ico", "tif",
  "tiff", "wav", "mp3", "flac", "ogg", "mp4", "mov", "avi", "pdf", "so", "dll", "dylib", "exe", "o", "a", "class",
  "jar", "whl", "db", "sqlite", "woff", "woff2", "ttf", "otf",
]);

/** `GGUF` magic, and safetensors' little-endian header length followed by a JSON object. */
function byMagic(head: Uint8Array): DiffFileClass | null {
  if (head.length >= 4 && head[0] === 0x47 && head[1] === 0x47 && head[2] === 0x55 && head[3] === 0x46) return "gguf";
  if (head.length >= 9 && head[8] === 0x7b && head[6] === 0 && head[7] === 0) return "safetensors";
  return null;
}

/** Picks the differ for a file: by name first, then by magic bytes and a binary sniff of `head`. */
export function classifyFileForDiff(path: string, options: ClassifyOptions = {}): DiffFileClass {
  const name = (path.split("/").pop() ?? "").toLowerCase();
  if (KITFILE_NAMES.has(name)) return "yaml";
  if (TEXT_NAMES.has(name)) return "text";
  const dot = name.lastIndexOf(".");
  const ext = dot >= 0 ? name.slice(dot + 1) : "";
  if (ext !== "" && Object.hasOwn(BY_EXTENSION, ext)) return BY_EXTENSION[ext]!;
  if (TEXT_EXTENSIONS.has(ext)) return "text";
  if (BINARY_EXTENSIONS.has(ext)) return "binary";
  if (options.head) return byMagic(options.head) ?? (sniffBinary(options.head) ? "binary" : "text");
  if ((options.sizeA ?? -1) === 0 && (options.sizeB ?? 0) === 0) return "text";
  // Unknown name and no bytes to look at: binary is the safe guess (metadata only, never a huge text render).
  return "binary";
}
