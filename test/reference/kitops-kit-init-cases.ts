// The Kitfiles `kit init` writes for a directory (testing/testdata/kitfile-generation/*.yaml, run by
// testing/kitfile-generation_test.go), re-typed as data: the files in the directory and the Kitfile kit expects.
// Kitgate does not generate Kitfiles; these are Kitfiles kit itself writes, so Kitgate must read them cleanly,
// find nothing kit would reject, and list their files after packing.
import type { Origin } from "./origin";

export interface KitInitCase {
  origin: Origin;
  description: string;
  files: string[];
  expectedKitfile: Record<string, unknown> | null;
}

const o = (path: string, commit: string): Origin => ({ repo: "kitops-ml/kitops", path, commit });

export const KIT_INIT_CASES: KitInitCase[] = [
  {
    origin: o("testing/testdata/kitfile-generation/test_directory-handling.yaml", "ae305fc389df233a808b2bf59811d1419ae24092"),
    description: "Handles directories",
    files: ["src/test-file.sh", "pkg/test-file.sh", "lib/test-file.sh", "build/test-file.sh", "docs/documentation-file", "model-contents/my-model1.gguf", "model-contents/my-model2.gguf", "model-contents/z-metadata.json", "dataset-contents/dataset-001.zip", "dataset-contents/dataset-002.zip", "dataset-contents/dataset-003.zip", "dataset-contents/z-metadata.json", "my-files/doc1.md", "my-files/doc2.md", "my-files/new.pdf", "mixed-contents/documentation.md", "mixed-contents/dataset.csv", "mixed-contents/meta.json"],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-directory-handling", "description": "Handles directories"}, "model": {"path": "model-contents/my-model1.gguf", "parts": [{"path": "model-contents/my-model2.gguf"}, {"path": "model-contents/z-metadata.json"}]}, "datasets": [{"path": "dataset-contents"}], "docs": [{"path": "docs"}, {"path": "my-files"}], "code": [{"path": "build"}, {"path": "lib"}, {"path": "pkg"}, {"path": "src"}, {"path": "mixed-contents"}]},
  },
  {
    origin: o("testing/testdata/kitfile-generation/test_empty-directory.yaml", "ae305fc389df233a808b2bf59811d1419ae24092"),
    description: "Generates empty Kitfile in empty directory",
    files: [],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-empty", "description": "Generates empty Kitfile in empty directory"}},
  },
  {
    origin: o("testing/testdata/kitfile-generation/test_existing-Kitfile.yaml", "ae305fc389df233a808b2bf59811d1419ae24092"),
    description: "Handles existing Kitfiles",
    files: ["test-model.npy", "Kitfile", "kitfile", ".kitfile"],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-existing-kitfile", "description": "Handles existing Kitfiles"}, "model": {"name": "test-model", "path": "test-model.npy"}},
  },
  {
    origin: o("testing/testdata/kitfile-generation/test_metadata-files-dataset.yaml", "ae305fc389df233a808b2bf59811d1419ae24092"),
    description: "Attaches metadata files to datasets when no model",
    files: ["a-dataset.tar", "b-dataset.csv", "c-dataset.zip", "x-metadata.json", "y-metadata.yaml", "z-metadata.xml"],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-dataset-metadata", "description": "Attaches metadata files to datasets when no model"}, "datasets": [{"path": "a-dataset.tar"}, {"path": "b-dataset.csv"}, {"path": "c-dataset.zip"}, {"path": "x-metadata.json"}, {"path": "y-metadata.yaml"}, {"path": "z-metadata.xml"}]},
  },
  {
    origin: o("testing/testdata/kitfile-generation/test_metadata-files-model.yaml", "ae305fc389df233a808b2bf59811d1419ae24092"),
    description: "Attaches metadata files to Model when present",
    files: ["a-model.gguf", "b-model.safetensors", "c-model.pkl", "d-model.pb", "a-dataset.tar", "b-dataset.csv", "c-dataset.zip", "x-metadata.json", "y-metadata.yaml", "z-metadata.xml"],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-model-metadata", "description": "Attaches metadata files to Model when present"}, "model": {"path": "a-model.gguf", "parts": [{"path": "b-model.safetensors"}, {"path": "c-model.pkl"}, {"path": "d-model.pb"}, {"path": "x-metadata.json"}, {"path": "y-metadata.yaml"}, {"path": "z-metadata.xml"}]}, "datasets": [{"path": "a-dataset.tar"}, {"path": "b-dataset.csv"}, {"path": "c-dataset.zip"}]},
  },
  {
    origin: o("testing/testdata/kitfile-generation/test_model-and-adaptor.yaml", "ae305fc389df233a808b2bf59811d1419ae24092"),
    description: "Handles models with an adaptor",
    files: ["model-adaptor1.gguf", "model-adaptor2.gguf", "zzzzzzz-main-model-larger-than-normal-files.gguf"],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-model-and-adaptor", "description": "Handles models with an adaptor"}, "model": {"name": "zzzzzzz-main-model-larger-than-normal-files", "path": "zzzzzzz-main-model-larger-than-normal-files.gguf", "parts": [{"path": "model-adaptor1.gguf"}, {"path": "model-adaptor2.gguf"}]}},
  },
  {
    origin: o("testing/testdata/kitfile-generation/test_multi-part-models.yaml", "ae305fc389df233a808b2bf59811d1419ae24092"),
    description: "Handles multi-part models",
    files: ["model-0005.safetensors", "model-0004.safetensors", "model-0003.safetensors", "model-0002.safetensors", "model-0001.safetensors"],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-multipart", "description": "Handles multi-part models"}, "model": {"path": "model-0001.safetensors", "parts": [{"path": "model-0002.safetensors"}, {"path": "model-0003.safetensors"}, {"path": "model-0004.safetensors"}, {"path": "model-0005.safetensors"}]}},
  },
  {
    origin: o("testing/testdata/kitfile-generation/test_type-detect.yaml", "ae305fc389df233a808b2bf59811d1419ae24092"),
    description: "Detects type of files based on extension",
    files: ["a-model.gguf", "b-model.safetensors", "c-model.pkl", "d-model.pb", "a-dataset.tar", "b-dataset.csv", "c-dataset.zip", "a-docs.md", "b-docs.adoc", "c-docs.pdf", "README.md", "LICENSE", "test.sh", "bootstrap.sh"],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-model-detect", "description": "Detects type of files based on extension"}, "model": {"path": "a-model.gguf", "parts": [{"path": "b-model.safetensors"}, {"path": "c-model.pkl"}, {"path": "d-model.pb"}]}, "datasets": [{"path": "a-dataset.tar"}, {"path": "b-dataset.csv"}, {"path": "c-dataset.zip"}], "docs": [{"path": "LICENSE", "description": "License file"}, {"path": "README.md", "description": "Readme file"}, {"path": "a-docs.md"}, {"path": "b-docs.adoc"}, {"path": "c-docs.pdf"}], "code": [{"path": "."}]},
  },
  {
    origin: o("testing/testdata/kitfile-generation/test_mcp-server-detection.yaml", "bf4b9bc74fa0e9dca616f7ef10632849ce4e310a"),
    description: "Detects .mcpb files as MCP servers",
    files: ["filesystem.mcpb", "postgres.mcpb", "servers/extra.mcpb", "README.md"],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-mcp-server-detection", "description": "Detects .mcpb files as MCP servers"}, "docs": [{"path": "README.md", "description": "Readme file"}], "mcpServers": [{"name": "filesystem", "path": "filesystem.mcpb"}, {"name": "postgres", "path": "postgres.mcpb"}, {"name": "servers/extra", "path": "servers/extra.mcpb"}]},
  },
  {
    origin: o("testing/testdata/kitfile-generation/test_prompt-handling.yaml", "22c4f83c89234d14f47aa2b25759e29b47800a49"),
    description: "Handles prompt files",
    files: ["AGENTS.md", "CLAUDE.md", "SKILL.md", "my.prompt.md", "test.prompt.pdf", "suffix.prompt", "prompts-dir/my.prompt.one", "prompts-dir/my.prompt.two", "mixed-prompts/my.prompt.mixed", "mixed-prompts/notes.md", "mixed-prompts/template.html", "prompt.md", "notes.md", "README.md"],
    expectedKitfile: {"manifestVersion": "1.0.0", "package": {"name": "test-prompt-handling", "description": "Handles prompt files"}, "prompts": [{"path": "AGENTS.md"}, {"path": "CLAUDE.md"}, {"path": "SKILL.md"}, {"path": "my.prompt.md"}, {"path": "suffix.prompt"}, {"path": "test.prompt.pdf"}, {"path": "prompts-dir"}], "docs": [{"path": "README.md", "description": "Readme file"}, {"path": "notes.md"}, {"path": "prompt.md"}], "code": [{"path": "mixed-prompts"}]},
  },
];
