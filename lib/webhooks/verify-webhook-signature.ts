import { timingSafeEqual } from "node:crypto";
import { signWebhook } from "./sign-webhook";

/** Receivers accept a delivery only this close to their clock: long enough for retries, short enough against replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The receiver's check, shipped so integrators (and our tests) verify exactly as we sign: the signature must
 * match the raw body and timestamp, and the timestamp must be recent.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  signature: string | null;
  timestamp: string | null;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" } {
  const { secret, body, signature, timestamp } = input;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "missing" };
  const ts = Number(timestamp);
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "mismatch" };
  return { ok: true };
}
