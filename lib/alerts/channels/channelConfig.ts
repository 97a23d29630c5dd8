import { CHANNEL_CONFIG_SCHEMAS, SECRET_FIELDS, type ChannelConfig } from "@/lib/alerts/channels/channelConfigSchemas";
import { isMasked } from "@/lib/alerts/channels/maskSecrets";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { zodIssues } from "@/lib/http/zodIssues";
import { ApiError } from "@/lib/http/ApiError";

type Json = Record<string, unknown>;

/** Splits a full configuration into what may be shown and what must not. */
export function splitConfig(kind: ChannelKind, full: Json): { config: Json; secrets: Json } {
  const config: Json = {};
  const secrets: Json = {};
  for (const [key, value] of Object.entries(full)) {
    if (value === undefined) continue;
    (SECRET_FIELDS[kind].includes(key) ? secrets : config)[key] = value;
  }
  return { config, secrets };
}

export function joinConfig(config: unknown, secrets: unknown): Json {
  return { ...asObject(config), ...asObject(secrets) };
}

/**
 * Applies a PATCH to a channel's configuration: omitted fields are kept, `null` clears an optional
 * field, and a masked value (as returned by GET) means "unchanged", so a form can send back what it
 * was given without destroying the secret.
 */
export function mergeConfigPatch(existing: Json, patch: Json): Json {
  const merged: Json = { ...existing };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || isMasked(value)) continue;
    if (value === null) delete merged[key];
    else if (key === "headers" && isPlainObject(value) && isPlainObject(existing.headers)) {
      merged.headers = mergeHeaders(existing.headers, value);
    } else merged[key] = value;
  }
  return merged;
}

/** Validates a full configuration against its kind's schema; 422 naming the field otherwise. */
export function parseChannelConfig(kind: ChannelKind, full: Json): ChannelConfig {
  const result = CHANNEL_CONFIG_SCHEMAS[kind].safeParse(full);
  if (!result.success) {
    const issues = zodIssues(result.error, "config");
    throw ApiError.validation(`invalid ${issues[0]?.path ?? "config"}: ${issues[0]?.message ?? ""}`, issues);
  }
  return { kind, config: result.data } as ChannelConfig;
}

function mergeHeaders(existing: Json, patch: Json): Json {
  const out: Json = { ...existing };
  for (const [name, value] of Object.entries(patch)) {
    if (isMasked(value)) continue;
    if (value === null) delete out[name];
    else out[name] = value;
  }
  return out;
}

function asObject(value: unknown): Json {
  return isPlainObject(value) ? value : {};
}

export function isPlainObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
