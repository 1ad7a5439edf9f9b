/** Evidence pack downloads for one pinned version (plain links: the browser saves the attachment). */
export function EvidenceDownloads({ reference }: { reference: string }) {
  const href = (format: "pdf" | "json") => `/api/v1/reports/evidence?${new URLSearchParams({ ref: reference, format })}`;
  return (
    <span className="row" aria-label="Evidence pack downloads">
      <a className="btn btn-sm" href={href("pdf")} download data-testid="evidence-pdf">
        Evidence PDF
      </a>
      <a className="btn btn-sm" href={href("json")} download>
        JSON
      </a>
    </span>
  );
}
