import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Registry Markdown is untrusted. react-markdown builds React elements (no innerHTML) and, without
 * rehype-raw, raw HTML in the source is dropped; links are limited to safe protocols by its default
 * urlTransform. Images are not fetched from wherever a README points (that would leak the viewer).
 */
export function MarkdownView({ source }: { source: string }) {
  return (
    <div className="markdown">
      <Markdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        components={{
          img: ({ alt }) => <span className="muted">[image: {alt || "untitled"}]</span>,
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              {children}
            </a>
          ),
        }}
      >
        {source}
      </Markdown>
    </div>
  );
}
