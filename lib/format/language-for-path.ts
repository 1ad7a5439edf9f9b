// Monaco language ids by file extension; unknown text falls back to plaintext.
const BY_EXTENSION: Record<string, string> = {
  py: "python", ipynb: "json", js: "javascript", mjs: "javascript", cjs: "javascript", ts: "typescript",
  tsx: "typescript", jsx: "javascript", json: "json", yaml: "yaml", yml: "yaml", md: "markdown",
  markdown: "markdown", sh: "shell", bash: "shell", toml: "ini", ini: "ini", cfg: "ini", txt: "plaintext",
  csv: "plaintext", tsv: "plaintext", go: "go", rs: "rust", java: "java", c: "c", h: "c", cpp: "cpp",
  hpp: "cpp", r: "r", sql: "sql", xml: "xml", html: "html", css: "css", dockerfile: "dockerfile",
  prompt: "markdown", jinja: "plaintext", j2: "plaintext",
};

export function languageForPath(path: string): string {
  const base = path.split("/").pop()?.toLowerCase() ?? "";
  if (base === "dockerfile" || base === "containerfile") return "dockerfile";
  if (base === "kitfile") return "yaml";
  const ext = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1) : "";
  return BY_EXTENSION[ext] ?? "plaintext";
}
