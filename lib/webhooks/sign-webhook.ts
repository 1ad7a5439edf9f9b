import { createHmac } from "node:crypto";

/**
 * `sha256=<hex HMAC-SHA256(secret, "<unix seconds>.<raw body>")>`. The timestamp is inside the MAC so a
 * captured delivery cannot be replayed later with a fresh timestamp header (receivers reject old ones).
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
