/** Unix permission bits as `ls -l` prints them (`rwxr-xr-x`); the file type letter is shown separately. */
export function formatMode(mode: number): string {
  const bits = "rwxrwxrwx";
  let out = "";
  for (let i = 0; i < 9; i++) out += mode & (1 << (8 - i)) ? bits[i] : "-";
  return out;
}
