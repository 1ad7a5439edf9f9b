/**
 * Display form of a tar name: forward slashes, duplicate slashes collapsed, leading `./` and trailing `/`
 * removed, then `pathPrefix` prepended (kit v0.1–v0.4 stored entries relative to the parent directory of
 * the Kitfile path: `KitLayer.entryRoot`).
 * `..` segments and a leading `/` are kept as they are, so they stay visible and can be labelled, never
 * silently "fixed" into a harmless-looking path.
 */
export function normaliseEntryPath(name: string, pathPrefix?: string): string {
  const absolute = name.startsWith("/");
  let path = name.replace(/\/{2,}/g, "/");
  while (path.startsWith("./")) path = path.slice(2);
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  if (path === "" || path === ".") path = absolute ? "/" : ".";
  if (absolute || !pathPrefix) return path;
  const prefix = normaliseEntryPath(pathPrefix);
  if (prefix === "." || prefix === "/") return path;
  return path === "." ? prefix : `${prefix}/${path}`;
}
