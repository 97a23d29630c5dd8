import type { ForwardedEvent } from "@/lib/forwarding/forwardedEvent";
import { datadogBody } from "@/lib/forwarding/payloads/datadogPayload";
import { buildSentryEnvelope } from "@/lib/forwarding/payloads/sentryEnvelope";
import { parseTargetDsn } from "@/lib/forwarding/payloads/sentryTarget";
import { SIGNATURE_HEADER, signWebhook, webhookBody } from "@/lib/forwarding/payloads/webhookPayload";
import { postBody, type PostOutcome } from "@/lib/alerts/notify/postBody";
import type { ForwardTarget } from "@/lib/forwarding/rules/forwardingConfigSchemas";

/** Sends one copy to its target: a Sentry envelope, a signed JSON webhook, or a Datadog log entry. */
export async function sendForward(
  target: ForwardTarget,
  input: { deliveryId: string; rule: { id: string; name: string }; event: ForwardedEvent; now: Date; timeoutMs: number },
): Promise<PostOutcome> {
  const { event, now, timeoutMs } = input;
  switch (target.kind) {
    case "sentry": {
      const dsn = parseTargetDsn(target.config.dsn);
      if (!dsn) return { ok: false, error: "invalid DSN", retryable: false, durationMs: 0 };
      return postBody(dsn.envelopeUrl, buildSentryEnvelope(event, target.config.dsn, now), {
        headers: {
          "content-type": "application/x-sentry-envelope",
          "x-sentry-auth": `Sentry sentry_version=7, sentry_client=faultline-forwarder/1.0, sentry_key=${dsn.publicKey}`,
        },
        timeoutMs,
      });
    }
    case "webhook": {
      const body = webhookBody({ deliveryId: input.deliveryId, rule: input.rule, event, sentAt: now });
      return postBody(target.config.url, body, {
        headers: {
          ...target.config.headers,
          "content-type": "application/json",
          "x-faultline-delivery": input.deliveryId,
          "x-faultline-event": event.eventId,
          ...(target.config.secret && { [SIGNATURE_HEADER]: signWebhook(target.config.secret, body, now) }),
        },
        timeoutMs,
      });
    }
    case "datadog":
      return postBody(target.config.url, datadogBody(event, target.config), {
        headers: { "content-type": "application/json", "dd-api-key": target.config.apiKey },
        timeoutMs,
      });
  }
}
