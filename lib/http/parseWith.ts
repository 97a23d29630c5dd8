import type { z } from "zod";
import { ApiError } from "@/lib/http/ApiError";
import { zodIssues } from "@/lib/http/zodIssues";
import { replaceUnstorableText } from "@/lib/text/replaceUnstorable";

/**
 * Validates a value against a schema or throws a 422 naming each offending field path. Top-level
 * text (a route's path parameters: `/releases/a%00b/`) reaches SQL parameters: NUL and lone
 * surrogates are replaced first, as in query strings (readJson does the same for whole bodies).
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix = ""): z.output<S> {
  const result = schema.safeParse(storableTopLevel(value));
  if (result.success) return result.data;
  const issues = zodIssues(result.error, prefix);
  throw ApiError.validation(`invalid ${issues[0]?.path ?? "input"}: ${issues[0]?.message ?? ""}`, issues);
}

export function parseSearchParams<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parseWith(schema, fieldsOf(new URL(req.url).searchParams));
}

/**
 * URL-encoded fields (a query string, a form body) as an object. Their values reach SQL parameters:
 * NUL and lone surrogates (from %00, %ED%A0%80…) are replaced first.
 */
export function fieldsOf(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params.entries()].map(([k, v]) => [replaceUnstorableText(k), replaceUnstorableText(v)]));
}

/** A path segment percent-decoded once; malformed escapes are left as they are (validation refuses them). */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function storableTopLevel(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value);
  if (!entries.some(([, v]) => typeof v === "string")) return value;
  return Object.fromEntries(entries.map(([k, v]) => [k, typeof v === "string" ? replaceUnstorableText(v) : v]));
}
