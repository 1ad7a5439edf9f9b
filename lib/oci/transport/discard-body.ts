/**
 * Lets go of a response body Kitgate will not read (a retried 503, a redirect, a HEAD, an answered challenge).
 * Never awaited: cancelling a stream can wait on the other side (a teed body whose twin is never read, a
 * server that keeps the connection open), and a request must not hang on a body it does not want.
 */
export function discardBody(res: Response): void {
  const body = res.body;
  if (!body || body.locked) return;
  body.cancel().catch(() => {});
}
