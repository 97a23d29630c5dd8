import type { z } from "zod";
import { ApiError } from "@/lib/http/ApiError";
import { zodIssues } from "@/lib/http/zodIssues";

/** Validates a value against a schema or throws a 422 naming each offending field path. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix = ""): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = zodIssues(result.error, prefix);
  throw ApiError.validation(`invalid ${issues[0]?.path ?? "input"}: ${issues[0]?.message ?? ""}`, issues);
}

export function parseSearchParams<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  // NUL cannot be stored or compared by PostgreSQL text: dropped here so it never reaches a query.
  const params = Object.fromEntries([...new URL(req.url).searchParams.entries()].map(([k, v]) => [k, v.replaceAll("\u0000", "")]));
  return parseWith(schema, params);
}

/** A path segment percent-decoded once; malformed escapes are left as they are (validation refuses them). */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
