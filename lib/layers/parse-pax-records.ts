import { AppError } from "@/lib/errors";

/** PAX extended header records (`"%d %s=%s\n"`), POSIX.1-2001 pax format. */
export function parsePaxRecords(data: Uint8Array, offset: number): Record<string, string> {
  const records: Record<string, string> = Object.create(null) as Record<string, string>;
  const decoder = new TextDecoder("utf-8");
  let i = 0;
  while (i < data.length && data[i] !== 0) {
    let j = i;
    while (j < data.length && data[j] !== 0x20) j++;
    const length = Number(decoder.decode(data.subarray(i, j)));
    if (!Number.isSafeInteger(length) || length <= j - i + 1 || i + length > data.length) {
      throw malformed(offset, "PAX record length is invalid");
    }
    const record = decoder.decode(data.subarray(j + 1, i + length - 1));
    const eq = record.indexOf("=");
    if (eq <= 0) throw malformed(offset, "PAX record has no key");
    records[record.slice(0, eq)] = record.slice(eq + 1);
    i += length;
  }
  return records;
}

function malformed(offset: number, reason: string): AppError {
  return new AppError("MALFORMED_CONTENT", `tar PAX header at byte ${offset}: ${reason}`, { details: { offset } });
}
