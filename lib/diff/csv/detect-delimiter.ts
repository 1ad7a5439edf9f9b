/** How much of the start of a file is read to guess its delimiter. */
const SNIFF_CHARS = 64 * 1024;

/** Comma or tab, by which occurs more often outside quotes in the first record. */
export function detectDelimiter(text: string): "," | "\t" {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  const end = Math.min(text.length, SNIFF_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) commas++;
    else if (c === 9) tabs++;
    else if (c === 10) break;
  }
  return tabs > commas ? "\t" : ",";
}
