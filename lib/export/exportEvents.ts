import type { AuthContext } from "@/lib/auth/AuthContext";
import { pool } from "@/lib/db/pool";
import type { ExportEventsQuery } from "@/lib/errors/events/eventSchemas";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { eventContexts } from "@/lib/ingest/eventTags";
import { assertCanExport, exportHeaders } from "@/lib/export/exportAccess";
import { csvRecord } from "@/lib/export/csv";
import { pagedStream } from "@/lib/export/pagedStream";

const PAGE = 250;

interface EventRow {
  id: string;
  eventId: string;
  occurredAt: Date;
  severity: string;
  message: string;
  environment: string | null;
  release: string | null;
  userId: string | null;
  agentId: string | null;
  runId: string | null;
  tags: unknown;
  metadata: unknown;
  stackTrace: string | null;
  /** The event's own raised type, from its stored chain (null for an event sent as a single text trace). */
  ownType: string | null;
}

type Cursor = { occurredAt: Date; id: string } | "start";

const CSV_COLUMNS = ["eventId", "occurredAt", "severity", "type", "message", "environment", "release", "userId", "agentId", "runId", "url", "browser", "os", "tags", "stackTrace"];

/**
 * Streams one issue's events, newest first, as CSV or a JSON array: keyset pages of 500 over the
 * (groupId, occurredAt) index, each read when the client has taken the previous one.
 */
export async function exportEvents(auth: AuthContext, errorId: string, query: ExportEventsQuery): Promise<Response> {
  const group = await findVisibleError(auth, errorId);
  assertCanExport(auth, group.workspaceId);
  const filters: string[] = [];
  const values: unknown[] = [group.id];
  for (const [column, value] of [["environment", query.environment], ["release", query.release], ['"userId"', query.user]] as const) {
    if (value === undefined) continue;
    values.push(value);
    filters.push(`AND ${column} = $${values.length}`);
  }
  const base = values.length;
  const statementKey = [query.environment, query.release, query.user].map((v) => (v === undefined ? "0" : "1")).join("");
  const sql = (after: boolean) => `
    SELECT id, "eventId", "occurredAt", severity::text, message, environment, release, "userId", "agentId", "runId", tags, metadata, "stackTrace",
      exceptions #>> '{0,type}' AS "ownType"
    FROM "ErrorOccurrence" WHERE "groupId" = $1 ${filters.join(" ")}
    ${after ? `AND ("occurredAt", id) < ($${base + 1}::timestamptz, $${base + 2}::uuid)` : ""}
    ORDER BY "occurredAt" DESC, id DESC LIMIT ${PAGE}`;

  const isCsv = query.format === "csv";
  const body = pagedStream<EventRow, Cursor>({
    head: isCsv ? csvRecord(CSV_COLUMNS) : "[\n",
    tail: isCsv ? "" : "\n]\n",
    first: "start",
    async page(cursor) {
      // Named statements: each page is planned once per connection, not once per page.
      const { rows } =
        cursor === "start"
          ? await pool().query<EventRow>({ name: `export-events-first-${statementKey}`, text: sql(false), values })
          : await pool().query<EventRow>({ name: `export-events-next-${statementKey}`, text: sql(true), values: [...values, cursor.occurredAt, cursor.id] });
      const last = rows.at(-1);
      return { rows, next: rows.length === PAGE && last ? { occurredAt: last.occurredAt, id: last.id } : null };
    },
    // Each event's own type: an SDK's fingerprint or a merge puts events of other types in one issue.
    render: (row, index) => (isCsv ? csvRow(row, row.ownType || group.type) : `${index === 0 ? "" : ",\n"}${JSON.stringify(jsonRow(row, row.ownType || group.type))}`),
  });
  return new Response(body, { headers: exportHeaders(query.format, `faultline-events-${group.id.slice(0, 8)}`) });
}

function csvRow(row: EventRow, type: string): string {
  const contexts = eventContexts(row.metadata);
  const request = (row.metadata as { sentry?: { request?: { url?: unknown } } } | null)?.sentry?.request;
  return csvRecord([
    row.eventId,
    row.occurredAt,
    row.severity,
    type,
    row.message,
    row.environment,
    row.release,
    row.userId,
    row.agentId,
    row.runId,
    typeof request?.url === "string" ? request.url : null,
    contexts.browser ? `${contexts.browser.name} ${contexts.browser.version ?? ""}`.trim() : null,
    contexts.os ? `${contexts.os.name} ${contexts.os.version ?? ""}`.trim() : null,
    JSON.stringify(row.tags ?? {}),
    row.stackTrace,
  ]);
}

function jsonRow(row: EventRow, type: string) {
  return {
    eventId: row.eventId,
    occurredAt: row.occurredAt.toISOString(),
    severity: row.severity,
    type,
    message: row.message,
    environment: row.environment,
    release: row.release,
    userId: row.userId,
    agentId: row.agentId,
    runId: row.runId,
    tags: row.tags,
    context: row.metadata,
    stackTrace: row.stackTrace,
  };
}
