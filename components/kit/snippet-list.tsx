import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import type { SnippetDTO } from "@/lib/data/dto";

/** Deploy snippets, all pinned by digest so what was reviewed is what runs. */
export function SnippetList({ snippets }: { snippets: SnippetDTO[] }) {
  if (snippets.length === 0) return <EmptyState title="No deploy snippets for this version" />;
  return (
    <div className="stack">
      {snippets.map((s) => (
        <section key={s.id} className="snippet" aria-labelledby={`snippet-${s.id}`} data-snippet={s.id}>
          <div className="snippet-head">
            <h3 id={`snippet-${s.id}`} style={{ margin: 0 }}>
              {s.title} <span className="muted">· {s.language}</span>
            </h3>
            <CopyButton text={s.text} label={`Copy snippet: ${s.title}`} />
          </div>
          <pre className="code">
            <code>{s.text}</code>
          </pre>
        </section>
      ))}
    </div>
  );
}
