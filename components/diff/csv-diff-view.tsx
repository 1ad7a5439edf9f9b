"use client";

import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import type { CsvColumnStats, CsvDiff, CsvRowChange } from "@/lib/diff/types";

const n = (v: number) => v.toLocaleString("en-US");
const num = (v: number | undefined) => (v === undefined ? "—" : Number.isInteger(v) ? n(v) : v.toPrecision(6).replace(/\.?0+$/, ""));

/**
 * A table diff: counts, column changes, the key used (choose another → refetch), one page of changed rows with the
 * changed cells highlighted, and per-column statistics before vs after.
 */
export function CsvDiffView({
  csv,
  onKeyChange,
  onOffsetChange,
  busy,
}: {
  csv: CsvDiff;
  onKeyChange: (key: string) => void;
  onOffsetChange: (offset: number) => void;
  busy: boolean;
}) {
  const { page } = csv;
  const key = csv.keyColumn;
  const columns = csv.comparedColumns.filter((c) => c !== key);
  return (
    <div className="stack csv-diff">
      <div className="row csv-counts" data-testid="csv-counts">
        <span className="diff-add-text">{n(csv.counts.added)} rows added</span>
        <span className="diff-del-text">{n(csv.counts.removed)} removed</span>
        <span className="diff-chg-text">{n(csv.counts.changed)} changed</span>
        <span className="muted">{n(csv.counts.unchanged)} unchanged</span>
        <span className="muted">
          ({n(csv.rowsBefore)} → {n(csv.rowsAfter)} rows, {csv.delimiter === "\t" ? "TSV" : "CSV"})
        </span>
      </div>
      <div className="row">
        <label htmlFor={`csv-key-${csv.comparedColumns.join("|")}`}>Rows matched by</label>
        <select
          id={`csv-key-${csv.comparedColumns.join("|")}`}
          className="input input-select"
          value={key ?? ""}
          disabled={busy}
          onChange={(e) => onKeyChange(e.target.value)}
        >
          {key === null ? <option value="">position (no unique key column)</option> : null}
          {csv.comparedColumns.map((c) => (
            <option key={c} value={c}>
              key column: {c}
            </option>
          ))}
        </select>
        <span className="muted">{csv.mode === "keyed" ? "keyed" : "by position"}</span>
      </div>
      {csv.columns.length > 0 ? (
        <ul className="csv-columns" aria-label="Column changes">
          {csv.columns.map((c, i) => (
            <li key={i}>
              {c.kind === "added" ? (
                <span className="diff-add-text">column added: {c.after}</span>
              ) : c.kind === "removed" ? (
                <span className="diff-del-text">column removed: {c.before}</span>
              ) : (
                <span className="diff-chg-text">
                  column renamed: {c.before} → {c.after}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {csv.warnings.length > 0 || csv.truncated ? (
        <div className="alert alert-warn">
          <ul>
            {csv.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
            {csv.reasons.map((r, i) => (
              <li key={`r${i}`}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {page.total > 0 ? (
        <>
          <Table caption={`Changed rows ${n(page.offset + 1)}–${n(page.offset + page.rows.length)} of ${n(page.total)}`} showCaption>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col" className="num">
                  Row
                </th>
                {key ? <th scope="col">{key}</th> : null}
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r, i) => (
                <CsvRow key={`${page.offset + i}`} row={r} keyColumn={key} columns={columns} />
              ))}
            </tbody>
          </Table>
          <div className="pagination">
            <Button size="sm" disabled={busy || page.offset === 0} onClick={() => onOffsetChange(Math.max(0, page.offset - page.limit))}>
              Previous rows
            </Button>
            <Button size="sm" disabled={busy || page.offset + page.rows.length >= page.total} onClick={() => onOffsetChange(page.offset + page.limit)}>
              Next rows
            </Button>
          </div>
        </>
      ) : (
        <p className="muted">No row changed.</p>
      )}
      <ColumnStats stats={csv.stats} />
    </div>
  );
}

function CsvRow({ row, keyColumn, columns }: { row: CsvRowChange; keyColumn: string | null; columns: string[] }) {
  const changed = new Map((row.cells ?? []).map((c) => [c.column, c]));
  const rowNo = row.kind === "removed" ? row.rowBefore : row.rowAfter;
  return (
    <tr className={`diff-row-${row.kind}`} data-row-kind={row.kind}>
      <td>
        <span className={`diff-kind diff-kind-${row.kind}`}>{row.kind}</span>
      </td>
      <td className="num" title={row.kind === "changed" ? `row ${row.rowBefore} → ${row.rowAfter}` : undefined}>
        {rowNo ?? "—"}
      </td>
      {keyColumn ? <td className="mono">{row.key ?? row.values?.[keyColumn] ?? ""}</td> : null}
      {columns.map((c) => {
        if (row.kind !== "changed") return <td key={c} className="wrap">{row.values?.[c] ?? ""}</td>;
        const cell = changed.get(c);
        if (!cell) return <td key={c} className="muted" aria-label="unchanged">·</td>;
        return (
          <td key={c} className="wrap csv-cell-changed" data-changed-cell={c}>
            <del>{cell.before}</del> <span aria-hidden="true">→</span> <ins>{cell.after}</ins>
          </td>
        );
      })}
    </tr>
  );
}

function ColumnStats({ stats }: { stats: CsvDiff["stats"] }) {
  if (stats.length === 0) return null;
  const cell = (s: CsvColumnStats | null, pick: (s: CsvColumnStats) => string) => (s ? pick(s) : "—");
  const pair = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
  return (
    <div className="csv-stats">
      <Table caption="Per-column statistics (before → after)" showCaption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col" className="num">Nulls</th>
            <th scope="col" className="num">Distinct</th>
            <th scope="col" className="num">Min</th>
            <th scope="col" className="num">Max</th>
            <th scope="col" className="num">Mean</th>
          </tr>
        </thead>
        <tbody>
          {stats.map(({ column, before, after }) => (
            <tr key={column}>
              <th scope="row">{column}</th>
              <td className="num">{pair(cell(before, (s) => n(s.nulls)), cell(after, (s) => n(s.nulls)))}</td>
              <td className="num">
                {pair(cell(before, (s) => `${s.distinctAtLeast ? "≥" : ""}${n(s.distinct)}`), cell(after, (s) => `${s.distinctAtLeast ? "≥" : ""}${n(s.distinct)}`))}
              </td>
              <td className="num">{pair(cell(before, (s) => num(s.min)), cell(after, (s) => num(s.min)))}</td>
              <td className="num">{pair(cell(before, (s) => num(s.max)), cell(after, (s) => num(s.max)))}</td>
              <td className="num">{pair(cell(before, (s) => num(s.mean)), cell(after, (s) => num(s.mean)))}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
