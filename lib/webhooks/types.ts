/** Workflow moments that are announced to configured webhook URLs. */
export const WEBHOOK_EVENTS = ["request", "decision", "promotion", "revocation", "drift"] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The JSON body POSTed to a receiver; `data` is whatever the workflow step describes (digest, environment…). */
export interface WebhookBody {
  id: string;
  event: WebhookEvent;
  at: string;
  data: Record<string, unknown>;
}

export interface WebhookDeliveryResult {
  url: string;
  ok: boolean;
  attempts: number;
  status?: number;
  error?: string;
}

/** Header names, shared by the sender and by receivers that verify. */
export const SIGNATURE_HEADER = "X-Kitgate-Signature";
export const TIMESTAMP_HEADER = "X-Kitgate-Timestamp";
export const EVENT_HEADER = "X-Kitgate-Event";
export const DELIVERY_HEADER = "X-Kitgate-Delivery";
