// RFC 3339 §5.6 date-time: what model-spec means by a date (createdAt, knowledgeCutoff) and what OCI's
// `org.opencontainers.image.created` annotation holds. A looser string is shown as text, never as a date.
// The separator may be a space (the note under §5.6 allows it); every field is range-checked, so
// 2025-02-30 is not a date even though Date.parse would roll it over to March.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  // second 60 is a leap second
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}
