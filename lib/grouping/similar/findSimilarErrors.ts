import type { AuthContext } from "@/lib/auth/AuthContext";
import { pool } from "@/lib/db/pool";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";
import { selectGroupingFrames } from "@/lib/grouping/frames/selectGroupingFrames";
import { normaliseMessage } from "@/lib/grouping/message/normaliseMessage";
import { scoreSimilarity, type SimilarityInput, type SimilarityScore } from "@/lib/grouping/similar/scoreSimilarity";
import type { Frame } from "@/lib/ingest/stacktrace/frame";

export interface SimilarError extends SimilarityScore {
  errorId: string;
  type: string;
  message: string;
  status: string;
  occurrences: number;
  lastSeen: string;
}

/** Candidates scoring below this are not shown. */
export const MIN_SIMILARITY = 0.5;
const MAX_RESULTS = 10;
/** Recent issues always considered (shared frames cannot be searched by index). */
const RECENT_CANDIDATES = 300;
/** pg_trgm similarity that pre-selects older issues by message. */
const TRGM_THRESHOLD = 0.3;

let trgm: Promise<boolean> | null = null;
/** Whether the server has pg_trgm (created by the grouping migration where available). */
function hasPgTrgm(): Promise<boolean> {
  trgm ??= pool()
    .query<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS ok`)
    .then((r) => r.rows[0].ok)
    .catch(() => {
      trgm = null; // a database blip is no answer: ask again next time
      return false;
    });
  return trgm;
}

type Row = { id: string; type: string; message: string; platform: string | null; frames: unknown; status: string; occurrenceCount: number; lastSeen: Date };

/**
 * Issues of the same project that look like the same bug: same exception type, similar normalised
 * message (pg_trgm pre-selects them when the server has it) and shared app frames, best first.
 */
export async function findSimilarErrors(auth: AuthContext, errorId: string): Promise<{ errorId: string; items: SimilarError[] }> {
  const group = await findVisibleError(auth, errorId);
  const columns = `id::text, type, message, platform, frames, status::text, "occurrenceCount", "lastSeen"`;
  const recent = `SELECT ${columns} FROM "ErrorGroup" WHERE "projectId" = $1::uuid AND id <> $2::uuid ORDER BY "lastSeen" DESC LIMIT ${RECENT_CANDIDATES}`;
  const sql = (await hasPgTrgm())
    ? `(${recent}) UNION (SELECT ${columns} FROM "ErrorGroup" WHERE "projectId" = $1::uuid AND id <> $2::uuid
         AND (type = $3 OR similarity(message, $4) > ${TRGM_THRESHOLD}) ORDER BY "lastSeen" DESC LIMIT ${RECENT_CANDIDATES})`
    : recent;
  const { rows } = await pool().query<Row>(sql, (await hasPgTrgm()) ? [group.projectId, group.id, group.type, group.message] : [group.projectId, group.id]);

  const self = describe({ ...group, frames: group.frames });
  const items = rows
    .map((row) => ({ row, score: scoreSimilarity(self, describe(row)) }))
    .filter(({ score }) => score.score >= MIN_SIMILARITY)
    .sort((a, b) => b.score.score - a.score.score || b.row.occurrenceCount - a.row.occurrenceCount)
    .slice(0, MAX_RESULTS)
    .map(({ row, score }) => ({
      errorId: row.id,
      type: row.type,
      message: row.message,
      status: row.status,
      occurrences: row.occurrenceCount,
      lastSeen: new Date(row.lastSeen).toISOString(),
      ...score,
    }));
  return { errorId: group.id, items };
}

function describe(g: { type: string; message: string; platform: string | null; frames: unknown }): SimilarityInput {
  const language = languageOfPlatform(g.platform);
  const frames = Array.isArray(g.frames) ? (g.frames as Frame[]) : [];
  return {
    type: g.type,
    message: normaliseMessage(g.type, g.message, language),
    frames: selectGroupingFrames(frames, language).keys,
  };
}
