import { SECRET_FIELDS } from "@/lib/alerts/channels/channelConfigSchemas";
import type { ChannelKind } from "@/lib/generated/prisma/enums";

/** Every masked value contains this, so a masked value sent back unchanged is recognised and ignored. */
export const MASK = "••••";

export function isMasked(value: unknown): boolean {
  return typeof value === "string" && value.includes(MASK);
}

/** `abcd…wxyz` → `••••wxyz` (long values) or `••••` (short ones). */
export function maskSecret(value: string): string {
  return value.length >= 12 ? `${MASK}${value.slice(-4)}` : MASK;
}

/**
 * Keeps what identifies the endpoint (scheme, host, port, SMTP user) and hides what grants access:
 * the path and query (Slack and most webhook URLs carry their token there) and any password.
 */
export function maskUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return maskSecret(value);
  }
  const isSmtp = url.protocol === "smtp:" || url.protocol === "smtps:";
  const user = isSmtp && url.username ? `${url.username}:${MASK}@` : "";
  const rest = `${url.pathname}${url.search}`;
  const tail = rest.length > 12 ? rest.slice(-4) : "";
  const path = rest === "/" || rest === "" ? "" : `/${MASK}${tail}`;
  return `${url.protocol}//${user}${url.host}${path}`;
}

/** The channel's full configuration with every secret field masked. */
export function maskConfig(kind: ChannelKind, full: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...full };
  for (const field of SECRET_FIELDS[kind]) {
    const value = out[field];
    if (value === undefined || value === null) continue;
    if (field === "headers" && typeof value === "object") {
      out[field] = Object.fromEntries(Object.keys(value).map((name) => [name, MASK]));
    } else if (typeof value === "string") {
      out[field] = field === "routingKey" || field === "signingSecret" ? maskSecret(value) : maskUrl(value);
    }
  }
  return out;
}
