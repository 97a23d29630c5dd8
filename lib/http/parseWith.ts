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
  return parseWith(schema, queryFields(schema, new URL(req.url).searchParams));
}

const MAX_SHOWN = 60;

/**
 * A query string's fields for `schema` (as fieldsOf). A parameter sent more than once is a 400
 * naming it — `?limit=1&limit=2`, `?workspaceId=X&workspaceId=Y`: which did the caller mean? —
 * unless the schema takes several there: a list field gets every value (and a list of one when sent
 * once), a comma-separated one (`severity=high,critical`) the values joined by commas.
 */
export function queryFields(schema: z.ZodType, params: URLSearchParams): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).map(replaceUnstorableText);
    const name = replaceUnstorableText(key);
    const kind = listKind(fieldSchema(schema, key));
    if (kind === "array") fields[name] = values;
    else if (values.length === 1) fields[name] = values[0];
    else if (kind === "csv") fields[name] = values.join(",");
    else throw ApiError.badRequest(`query parameter ${key.slice(0, MAX_SHOWN)} is sent ${values.length} times: send it once`, { field: key.slice(0, MAX_SHOWN) });
  }
  return fields;
}

type ZodDef = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

/** The schema with its optional / default / nullable wrappers taken off. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); WRAPPERS.has(def.type) && def.innerType; def = defOf(current)) current = def.innerType;
  return current;
}

/** The schema of an object schema's field (through wrappers and pipes); undefined when there is none. */
function fieldSchema(schema: z.ZodType, key: string): z.ZodType | undefined {
  const def = defOf(unwrapped(schema));
  if (def.type === "object") return Object.hasOwn(def.shape ?? {}, key) ? def.shape?.[key] : undefined;
  if (def.type === "pipe" && def.in) return fieldSchema(def.in, key);
  return undefined;
}

/** "array": the field takes a list; "csv": a string it splits into one (a pipe into an array); else a single value. */
function listKind(schema: z.ZodType | undefined): "array" | "csv" | "single" {
  if (!schema) return "single";
  const def = defOf(unwrapped(schema));
  if (def.type === "array") return "array";
  if (def.type === "pipe" && def.in && def.out) {
    if (listKind(def.in) === "array") return "array";
    if (defOf(unwrapped(def.out)).type === "array") return "csv";
  }
  return "single";
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
