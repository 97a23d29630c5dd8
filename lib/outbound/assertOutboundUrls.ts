import { ApiError } from "@/lib/http/ApiError";
import { envOutboundPolicy } from "@/lib/outbound/envOutboundPolicy";
import { outboundUrlIssue } from "@/lib/outbound/outboundUrlIssue";

/** A URL a setting saves, and where it sits in the request. */
export interface OutboundUrlField {
  path: string;
  url: unknown;
}

/** 422 naming each URL field the instance's outbound policy would never let it reach (outboundUrlIssue). */
export function assertOutboundUrls(fields: readonly OutboundUrlField[]): void {
  const policy = envOutboundPolicy();
  const issues = fields.flatMap(({ path, url }) => {
    const message = typeof url === "string" ? outboundUrlIssue(url, policy) : undefined;
    return message ? [{ path, message }] : [];
  });
  if (issues.length > 0) throw ApiError.validation(`invalid ${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/**
 * assertOutboundUrls for a channel's or forwarding rule's configuration: its `url` (webhook, chat,
 * PagerDuty, Datadog), `dsn` (a Sentry forwarding target) and `smtpUrl` (an email channel's server).
 */
export function assertConfigUrls(config: Record<string, unknown>): void {
  assertOutboundUrls([
    { path: "config.url", url: config.url },
    { path: "config.dsn", url: config.dsn },
    { path: "config.smtpUrl", url: config.smtpUrl },
  ]);
}
