import { ApiError } from "@/lib/http/ApiError";

/** Columns that scope a unique constraint to a workspace, project, user or issue: not what the caller got wrong. */
const SCOPE_FIELDS = new Set(["workspaceId", "projectId", "userId", "groupId"]);
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

interface UniqueViolationMeta {
  target?: unknown;
  modelName?: unknown;
  driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown }; table?: unknown } };
}

/**
 * The 409 of a unique constraint Prisma reported violated (P2002), naming what is taken: `field`
 * the column(s) a caller chose (the scope — workspace, project, user — left out; `fields` too when
 * more than one), e.g. a team's `name` in its workspace. Prisma says which constraint in `meta.target`
 * (its query engine) or, through a driver adapter (ours: pg), in the adapter's error: the columns, or
 * the index name Prisma gives a unique constraint (`Team_workspaceId_name_key`). Unknown: no field.
 */
export function uniqueViolation(meta: unknown): ApiError {
  const m = (typeof meta === "object" && meta !== null ? meta : {}) as UniqueViolationMeta;
  const model = typeof m.modelName === "string" ? m.modelName : undefined;
  const columns = violatedColumns(m, model);
  if (columns.length === 0) return new ApiError(409, "conflict", "already exists");
  const named = columns.some((c) => !SCOPE_FIELDS.has(c)) ? columns.filter((c) => !SCOPE_FIELDS.has(c)) : columns;
  const what = named.join(" and ");
  const message = model ? `another ${words(model)} has this ${what} already` : `this ${what} is taken already`;
  return new ApiError(409, "conflict", message, { field: named.join(", "), ...(named.length > 1 && { fields: named }) });
}

function violatedColumns(meta: UniqueViolationMeta, model: string | undefined): string[] {
  if (Array.isArray(meta.target)) return fieldNames(meta.target);
  const cause = meta.driverAdapterError?.cause;
  if (Array.isArray(cause?.constraint?.fields)) return fieldNames(cause.constraint.fields);
  const index = typeof meta.target === "string" ? meta.target : cause?.constraint?.index;
  if (typeof index !== "string") return [];
  const table = typeof cause?.table === "string" ? cause.table : model;
  return fieldsOfIndexName(index, table);
}

/** `Team_workspaceId_name_key` → workspaceId, name (Prisma's name for @@unique([workspaceId, name]) of Team). */
function fieldsOfIndexName(index: string, table: string | undefined): string[] {
  const suffix = /_(key|idx)$/.exec(index);
  if (!suffix) return [];
  const body = index.slice(0, suffix.index);
  const rest = table && body.startsWith(`${table}_`) ? body.slice(table.length + 1) : body.slice(body.indexOf("_") + 1);
  return rest ? fieldNames(rest.split("_")) : [];
}

function fieldNames(values: unknown[]): string[] {
  return values.every((v) => typeof v === "string" && FIELD_NAME.test(v)) ? (values as string[]) : [];
}

/** `SavedSearch` → `saved search`. */
function words(model: string): string {
  return model.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}
