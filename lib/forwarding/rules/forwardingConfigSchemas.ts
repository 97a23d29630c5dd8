import { z } from "zod";
import { ExtraHeadersSchema } from "@/lib/http/extraHeadersSchema";
import { HttpUrlSchema } from "@/lib/http/httpUrlSchema";
import type { ForwardingKind } from "@/lib/generated/prisma/enums";
import { parseTargetDsn } from "@/lib/forwarding/payloads/sentryTarget";


/** A Sentry (or Sentry-protocol) project: events go to its envelope endpoint. */
export const SentryForwardConfigSchema = z
  .object({ dsn: z.string().trim().max(2000).refine((v) => parseTargetDsn(v) !== null, "must be a DSN like https://<key>@o0.ingest.sentry.io/<project>") })
  .strict();

/** Any HTTP endpoint: the event as JSON, signed with HMAC-SHA256 (`secret`, generated when omitted). */
export const WebhookForwardConfigSchema = z
  .object({
    url: HttpUrlSchema,
    secret: z.string().min(16, "at least 16 characters").max(200).optional(),
    headers: ExtraHeadersSchema.optional(),
  })
  .strict();

/** A Datadog-style logs intake: a JSON array of log entries, the API key in DD-API-KEY. */
export const DatadogForwardConfigSchema = z
  .object({
    url: HttpUrlSchema.default("https://http-intake.logs.datadoghq.com/api/v2/logs"),
    apiKey: z.string().trim().min(1).max(200),
    service: z.string().trim().min(1).max(100).optional(),
    source: z.string().trim().min(1).max(100).optional(),
    /** Extra ddtags, "team:payments,region:eu". */
    tags: z.string().trim().max(1000).optional(),
  })
  .strict();

export const FORWARD_CONFIG_SCHEMAS = {
  sentry: SentryForwardConfigSchema,
  webhook: WebhookForwardConfigSchema,
  datadog: DatadogForwardConfigSchema,
} satisfies Record<ForwardingKind, z.ZodType>;

export type SentryForwardConfig = z.infer<typeof SentryForwardConfigSchema>;
export type WebhookForwardConfig = z.infer<typeof WebhookForwardConfigSchema>;
export type DatadogForwardConfig = z.infer<typeof DatadogForwardConfigSchema>;

export type ForwardTarget =
  | { kind: "sentry"; config: SentryForwardConfig }
  | { kind: "webhook"; config: WebhookForwardConfig }
  | { kind: "datadog"; config: DatadogForwardConfig };

/** Fields kept in the `secrets` column and never returned in full. */
export const FORWARD_SECRET_FIELDS: Record<ForwardingKind, string[]> = {
  sentry: ["dsn"],
  webhook: ["url", "secret", "headers"],
  datadog: ["apiKey"],
};
