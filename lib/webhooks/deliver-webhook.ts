import "server-only";
import { randomUUID } from "node:crypto";
import { getConfig } from "@/lib/config/get-config";
import type { WebhookConfig } from "@/lib/config/types";
import { signWebhook } from "./sign-webhook";
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type WebhookBody,
  type WebhookDeliveryResult,
  type WebhookEvent,
} from "./types";

/** A receiver that hangs must not hold a workflow step open; 5 s is plenty for an acknowledgement. */
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** Bounded retries: a receiver that is down for longer finds the event in the audit log instead. */
export const WEBHOOK_MAX_ATTEMPTS = 3;
/** Base of the exponential back-off between attempts (0.5 s, 1 s). */
const BACKOFF_BASE_MS = 500;
/** Payloads are small workflow descriptions; anything bigger is a bug, not something to send. */
const MAX_BODY_BYTES = 64 * 1024;

export interface DeliverWebhookOptions {
  /** defaults to the `webhooks` section of the current config */
  webhooks?: WebhookConfig[];
  fetchImpl?: typeof fetch;
  backoffMs?: number;
}

/**
 * Announces a workflow event to every configured webhook subscribed to it. Call it AFTER the transaction that
 * recorded the event has committed (a rolled-back decision must not be announced). Never throws: failures are
 * logged and returned, since a receiver outage must not undo or block an approval. Only URLs from the config
 * are ever contacted — nothing in a request can choose where Kitgate posts.
 */
export async function deliverWebhook(
  event: WebhookEvent,
  data: Record<string, unknown>,
  options: DeliverWebhookOptions = {},
): Promise<WebhookDeliveryResult[]> {
  let hooks: WebhookConfig[];
  try {
    hooks = options.webhooks ?? (await getConfig()).webhooks ?? [];
  } catch (error) {
    console.error("[kitgate] webhooks: config unavailable", error);
    return [];
  }
  const targets = hooks.filter((h) => h.events.includes(event));
  if (targets.length === 0) return [];
  const body: WebhookBody = { id: randomUUID(), event, at: new Date().toISOString(), data };
  const raw = JSON.stringify(body);
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
    console.error("[kitgate] webhooks: payload too large, not sent", event);
    return targets.map((h) => ({ url: h.url, ok: false, attempts: 0, error: "payload too large" }));
  }
  return Promise.all(targets.map((hook) => deliverOne(hook, body, raw, options)));
}

async function deliverOne(
  hook: WebhookConfig,
  body: WebhookBody,
  raw: string,
  options: DeliverWebhookOptions,
): Promise<WebhookDeliveryResult> {
  const doFetch = options.fetchImpl ?? fetch;
  const backoff = options.backoffMs ?? BACKOFF_BASE_MS;
  let last: WebhookDeliveryResult = { url: hook.url, ok: false, attempts: 0 };
  for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
    // A fresh timestamp per attempt keeps retries inside the receiver's replay window.
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await doFetch(hook.url, {
        method: "POST",
        redirect: "error",
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "kitgate-webhooks",
          [EVENT_HEADER]: body.event,
          [DELIVERY_HEADER]: body.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(hook.secret, timestamp, raw),
        },
        body: raw,
      });
      await res.body?.cancel().catch(() => undefined);
      last = { url: hook.url, ok: res.ok, attempts: attempt, status: res.status };
      // 4xx other than 408/429 means the receiver refuses this delivery; retrying cannot change that.
      if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)) break;
    } catch (error) {
      last = { url: hook.url, ok: false, attempts: attempt, error: (error as Error).message };
    }
    if (attempt < WEBHOOK_MAX_ATTEMPTS) await new Promise((r) => setTimeout(r, backoff * 2 ** (attempt - 1)));
  }
  if (!last.ok) console.error("[kitgate] webhook delivery failed", body.event, hook.url, last.status ?? last.error);
  return last;
}
