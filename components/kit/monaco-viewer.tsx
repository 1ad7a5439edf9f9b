"use client";

import "./monaco-setup";
import Editor from "@monaco-editor/react";
import { useSyncExternalStore } from "react";

const DARK_QUERY = "(prefers-color-scheme: dark)";
const subscribe = (cb: () => void) => {
  const mq = window.matchMedia(DARK_QUERY);
  mq.addEventListener("change", cb);
  return () => mq.removeEventListener("change", cb);
};

/** Read-only Monaco for one file; `path` gives each file its own model so switching files is clean. */
export default function MonacoViewer({ value, language, path }: { value: string; language: string; path: string }) {
  const dark = useSyncExternalStore(subscribe, () => window.matchMedia(DARK_QUERY).matches, () => false);
  return (
    <div className="monaco-host" data-testid="monaco-host">
      <Editor
        height="100%"
        value={value}
        language={language}
        path={path}
        theme={dark ? "vs-dark" : "vs"}
        loading={<p className="muted">Loading editor…</p>}
        options={{
          readOnly: true,
          domReadOnly: true,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 12.5,
          wordWrap: "off",
          renderWhitespace: "selection",
        }}
      />
    </div>
  );
}
