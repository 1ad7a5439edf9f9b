import { BlockList, isIP } from "node:net";

/** The header Kitgate's own HTTP layer writes (instrumentation.ts); a value a client sent is always overwritten. */
export const CLIENT_ADDRESS_HEADER = "x-kitgate-client-address";

/** `::ffff:10.0.0.1` is how a dual-stack socket reports an IPv4 peer; CIDRs are written in plain IPv4. */
function normalise(address: string): string {
  const a = address.trim().replace(/^\[|\]$/g, "");
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

export function parseTrustedProxies(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address, bits] = cidr.split("/");
    const family = isIP(address ?? "");
    if (!family) throw new TypeError(`not an IP address or CIDR: ${cidr}`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * Who is on the other end (red-team finding 7): the socket's peer address, unless that peer is a configured trusted
 * proxy; then `X-Forwarded-For` is read from the right, skipping trusted proxies, and the first address that is not
 * one is the client. Anything left of it was written by the client and is never believed.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trustedProxies: BlockList): string | null {
  if (!peer) return null;
  let client = normalise(peer);
  if (!trusted(trustedProxies, client) || !forwardedFor) return client;
  const hops = forwardedFor.split(",").map(normalise).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return client; // garbage from an untrusted writer: keep the last address we can vouch for
    client = hop;
    if (!trusted(trustedProxies, hop)) return hop;
  }
  return client;
}
