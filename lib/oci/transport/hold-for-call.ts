import type { Fetcher } from "@/lib/oci/types";

/**
 * fetch's Request follows the signal it was built from (its input's, or `init.signal`) through a WeakRef, so
 * its own abort controller lives only as long as the Request object. A layer that builds a Request and hands it
 * down, keeping no reference while the call below hangs, lets a garbage collection break the chain: the
 * caller's abort or the layer's deadline then never reaches the call. Whatever forms a link of that chain is
 * held here while the call runs, then for as long as the response body can still be read.
 */
const running = new Set<unknown[]>();
const withBody = new WeakMap<object, unknown[][]>();

export async function holdForCall(next: Fetcher, req: Request, ...links: unknown[]): Promise<Response> {
  const held = [req, ...links];
  running.add(held);
  try {
    const res = await next(req);
    // The body outlives the Response object when a reader is taken from it: key by the stream when there is one.
    const key: object = res.body ?? res;
    const list = withBody.get(key);
    if (list) list.push(held);
    else withBody.set(key, [held]);
    return res;
  } finally {
    running.delete(held);
  }
}
