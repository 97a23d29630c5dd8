import { randomBytes } from "node:crypto";
import { isPlainObject } from "@/lib/alerts/channels/channelConfig";
import { isMasked, MASK, maskSecret, maskUrl } from "@/lib/alerts/channels/maskSecrets";
import { FORWARD_CONFIG_SCHEMAS, FORWARD_SECRET_FIELDS, type ForwardTarget } from "@/lib/forwarding/rules/forwardingConfigSchemas";
import type { ForwardingKind } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/http/ApiError";
import { zodIssues } from "@/lib/http/zodIssues";

type Json = Record<string, unknown>;

/** Validates a full configuration against its kind's schema; 422 naming the field otherwise. */
export function parseForwardConfig(kind: ForwardingKind, full: Json): ForwardTarget {
  const result = FORWARD_CONFIG_SCHEMAS[kind].safeParse(full);
  if (!result.success) {
    const issues = zodIssues(result.error, "config");
    throw ApiError.validation(`invalid ${issues[0]?.path ?? "config"}: ${issues[0]?.message ?? ""}`, issues);
  }
  return { kind, config: result.data } as ForwardTarget;
}

/** A webhook signing secret, shown once when a rule is created without one. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/** Splits a full configuration into what may be shown and what must not. */
export function splitForwardConfig(kind: ForwardingKind, full: Json): { config: Json; secrets: Json } {
  const config: Json = {};
  const secrets: Json = {};
  for (const [key, value] of Object.entries(full)) {
    if (value === undefined) continue;
    (FORWARD_SECRET_FIELDS[kind].includes(key) ? secrets : config)[key] = value;
  }
  return { config, secrets };
}

export function joinForwardConfig(config: unknown, secrets: unknown): Json {
  return { ...asObject(config), ...asObject(secrets) };
}

/** PATCH semantics: omitted fields kept, null clears, a masked value (as GET shows it) means unchanged. */
export function mergeForwardConfigPatch(existing: Json, patch: Json): Json {
  const merged: Json = { ...existing };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || isMasked(value)) continue;
    if (value === null) delete merged[key];
    else if (key === "headers" && isPlainObject(value) && isPlainObject(existing.headers)) {
      const headers: Json = { ...existing.headers };
      for (const [name, v] of Object.entries(value)) {
        if (isMasked(v)) continue;
        if (v === null) delete headers[name];
        else headers[name] = v;
      }
      merged.headers = headers;
    } else merged[key] = value;
  }
  return merged;
}

/** The configuration with every secret masked: DSN keys, signing secrets, API keys, URL paths. */
export function maskForwardConfig(kind: ForwardingKind, full: Json): Json {
  const out: Json = { ...full };
  for (const field of FORWARD_SECRET_FIELDS[kind]) {
    const value = out[field];
    if (value === undefined || value === null) continue;
    if (field === "headers" && typeof value === "object") out[field] = Object.fromEntries(Object.keys(value).map((name) => [name, MASK]));
    else if (field === "dsn" && typeof value === "string") out[field] = maskDsn(value);
    else if (field === "url" && typeof value === "string") out[field] = maskUrl(value);
    else if (typeof value === "string") out[field] = maskSecret(value);
  }
  return out;
}

/** `https://<key>@o1.ingest.sentry.io/42` → `https://••••@o1.ingest.sentry.io/42`: the project stays readable. */
export function maskDsn(dsn: string): string {
  try {
    const url = new URL(dsn);
    return `${url.protocol}//${MASK}@${url.host}${url.pathname}`;
  } catch {
    return MASK;
  }
}

function asObject(value: unknown): Json {
  return isPlainObject(value) ? value : {};
}
