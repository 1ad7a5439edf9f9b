// Browser-only Monaco bootstrap (reference/stack.md §4): the local monaco-editor package, never a CDN.
// @monaco-editor/loader would otherwise inject a jsdelivr <script>; `loader.config({ monaco })` stops that.
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
// Monarch tokenizers for every basic language (each loads lazily on first use): highlighting only.
import "monaco-editor/languages/definitions/register.all";
// JSON is the one language service registered (validation/folding of configs); it needs its own worker.
import "monaco-editor/languages/features/json/register";
import { loader } from "@monaco-editor/react";

self.MonacoEnvironment = {
  // One worker per label: handing the editor worker to "json" breaks it with
  // "Missing requestHandler or method: doValidation". css/html/typescript services are not registered,
  // so those labels never ask for a worker and their multi-MB workers stay out of the bundle.
  getWorker(_id: string, label: string) {
    if (label === "json")
      return new Worker(new URL("monaco-editor/languages/features/json/json.worker.js", import.meta.url), { type: "module" });
    return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" });
  },
};

loader.config({ monaco: monaco as unknown as typeof import("monaco-editor") });
