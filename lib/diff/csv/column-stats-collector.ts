import type { CsvColumnStats } from "@/lib/diff/types";

/** Distinct values remembered per column: enough to tell categories from ids, bounded memory on 1M rows. */
export const DISTINCT_CAP = 10_000;

const NULL_TOKENS = new Set(["", "null", "na", "n/a", "nan", "none"]);

export interface ColumnStatsCollector {
  add(value: string): void;
  result(): CsvColumnStats;
}

export function columnStatsCollector(column: string): ColumnStatsCollector {
  let rows = 0;
  let nulls = 0;
  let numeric = true;
  let numbers = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let capped = false;
  const distinct = new Set<string>();
  return {
    add(value: string) {
      rows++;
      const trimmed = value.trim();
      if (NULL_TOKENS.has(trimmed.toLowerCase())) { nulls++; return; }
      if (!capped) {
        distinct.add(value);
        if (distinct.size > DISTINCT_CAP) { capped = true; distinct.delete(value); }
      }
      if (numeric) {
        const n = Number(trimmed);
        if (Number.isFinite(n)) {
          numbers++;
          if (n < min) min = n;
          if (n > max) max = n;
          sum += n;
        } else {
          numeric = false;
        }
      }
    },
    result(): CsvColumnStats {
      const isNumeric = numeric && numbers > 0;
      return {
        column, rows, nulls, distinct: distinct.size, distinctAtLeast: capped, numeric: isNumeric,
        ...(isNumeric ? { min, max, mean: sum / numbers } : {}),
      };
    },
  };
}
