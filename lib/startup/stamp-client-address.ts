import "server-only";
import http, { type IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from "@/lib/auth/client-address";

let installed = false;

/**
 * Route handlers in Next cannot see the socket, and Next fills `X-Forwarded-For` from the socket only when the
 * client did not send one, so a client can write its own audit address (red-team finding 7). This hooks the
 * Node HTTP server of this process once: every incoming request gets CLIENT_ADDRESS_HEADER computed from the
 * socket peer (and X-Forwarded-For only through `trustedProxies`), replacing whatever the client sent.
 */
export function stampClientAddress(trustedProxies: readonly string[]): void {
  if (installed) return;
  installed = true;
  const list = parseTrustedProxies(trustedProxies);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      const xff = req.headers["x-forwarded-for"];
      const address = clientAddress(req.socket?.remoteAddress, Array.isArray(xff) ? xff.join(",") : xff, list);
      if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
      else delete req.headers[CLIENT_ADDRESS_HEADER];
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
