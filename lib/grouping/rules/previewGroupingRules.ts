import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { pool } from "@/lib/db/pool";
import type { StoredChainException } from "@/lib/grouping/chain/ChainException";
import { groupEvent, type GroupEventInput, type RawException } from "@/lib/grouping/groupEvent";
import { compileGroupingRules } from "@/lib/grouping/rules/compileGroupingRules";
import { parseStoredRules } from "@/lib/grouping/rules/groupingRulesStore";
import type { GroupingRule } from "@/lib/grouping/rules/groupingRuleSchemas";
import { findProject } from "@/lib/projects/findProject";
import { debugIdsOf } from "@/lib/sourcemaps/debugId";
import { frameMapperFor } from "@/lib/sourcemaps/frameMapper";

/** Events of the project the dry run regroups: the most recent ones. */
export const PREVIEW_EVENTS = 2000;

interface IssueRef {
  errorId: string;
  type: string;
  message: string;
  /** Events of the sample in this issue (merges) or in this part (splits). */
  events: number;
}

export interface GroupingPreview {
  projectId: string;
  sampledEvents: number;
  from: string | null;
  to: string | null;
  /** Sampled events that would land in another issue than today's. */
  movedEvents: number;
  /** Issues the proposed rules would put together (into an existing issue, or a new one). */
  merges: { into: { errorId: string | null; fingerprint: string }; issues: IssueRef[]; events: number }[];
  /** Issues whose events the proposed rules would spread over several issues. */
  splits: { issue: IssueRef; parts: { errorId: string | null; fingerprint: string; events: number }[] }[];
}

type Row = {
  id: string;
  groupId: string;
  occurredAt: Date;
  message: string;
  stackTrace: string | null;
  exceptions: StoredChainException[] | null;
  release: string | null;
  debugIds: unknown;
  type: string;
  platform: string | null;
  groupMessage: string;
};

/**
 * The dry run of a rule list (members and admins): regroups the project's recent events with the
 * saved rules and with the proposed ones and reports which issues would merge and which would
 * split. Only differences the rules make are reported (both sides are recomputed the same way);
 * nothing is written.
 */
export async function previewGroupingRules(auth: AuthContext, projectId: string, proposed: GroupingRule[]): Promise<GroupingPreview> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  const current = compileGroupingRules(parseStoredRules(project.groupingRules));
  const next = compileGroupingRules(proposed);
  const { rows } = await pool().query<Row>(
    `SELECT o.id::text, o."groupId"::text, o."occurredAt", o.message, o."stackTrace", o.exceptions, o.release, o.metadata->'sourceMapDebugIds' AS "debugIds", g.type, g.platform, g.message AS "groupMessage"
     FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
     WHERE o."workspaceId" = $1::uuid AND o."projectId" = $2::uuid
     ORDER BY o."occurredAt" DESC LIMIT ${PREVIEW_EVENTS}`,
    [project.workspaceId, project.id],
  );

  const regrouped = await Promise.all(
    rows.map(async (row) => {
      // Keyed as ingest keyed it: on the frames as written when source maps were uploaded for them.
      const received = inputOf(row);
      const mapFrames = await frameMapperFor(project.id, { release: row.release, debugIds: debugIdsOf(row.debugIds) }, () => groupEvent(received).exceptions.flatMap((e) => e.frames));
      const input = { ...received, mapFrames };
      const before = groupEvent({ ...input, rules: current }).fingerprint;
      const after = groupEvent({ ...input, rules: next }).fingerprint;
      return { row, before, after };
    }),
  );
  const changed = regrouped.filter((r) => r.before !== r.after);
  const owners = await ownersOf(project.id, [...new Set(changed.map((r) => r.after))]);
  const issues = new Map(rows.map((r) => [r.groupId, { errorId: r.groupId, type: r.type, message: r.groupMessage }]));
  const destination = (r: (typeof regrouped)[number]) => (r.before === r.after ? `issue:${r.row.groupId}` : owners.has(r.after) ? `issue:${owners.get(r.after)}` : `new:${r.after}`);

  const byDestination = new Map<string, typeof regrouped>();
  const bySource = new Map<string, typeof regrouped>();
  for (const r of regrouped) {
    byDestination.set(destination(r), [...(byDestination.get(destination(r)) ?? []), r]);
    bySource.set(r.row.groupId, [...(bySource.get(r.row.groupId) ?? []), r]);
  }

  const merges: GroupingPreview["merges"] = [];
  for (const [dest, members] of byDestination) {
    const sources = countBy(members, (m) => m.row.groupId);
    if (sources.size < 2) continue;
    merges.push({
      into: { errorId: dest.startsWith("issue:") ? dest.slice(6) : null, fingerprint: members.find((m) => m.before !== m.after)?.after ?? members[0].after },
      issues: [...sources].map(([errorId, events]) => ({ ...issues.get(errorId)!, events })),
      events: members.length,
    });
  }
  const splits: GroupingPreview["splits"] = [];
  for (const [errorId, members] of bySource) {
    const parts = countBy(members, destination);
    if (parts.size < 2) continue;
    splits.push({
      issue: { ...issues.get(errorId)!, events: members.length },
      parts: [...parts].map(([dest, events]) => ({
        errorId: dest.startsWith("issue:") ? dest.slice(6) : null,
        fingerprint: dest.startsWith("new:") ? dest.slice(4) : (members.find((m) => destination(m) === dest)?.after ?? ""),
        events,
      })),
    });
  }
  return {
    projectId: project.id,
    sampledEvents: rows.length,
    from: rows.at(-1)?.occurredAt.toISOString() ?? null,
    to: rows[0]?.occurredAt.toISOString() ?? null,
    movedEvents: regrouped.filter((r) => destination(r) !== `issue:${r.row.groupId}`).length,
    merges: merges.sort((a, b) => b.events - a.events),
    splits: splits.sort((a, b) => b.issue.events - a.issue.events),
  };
}

/** The stored event as grouping input: its chain when it has one, else its native trace. */
function inputOf(row: Row): Omit<GroupEventInput, "rules" | "mapFrames"> {
  const chain = Array.isArray(row.exceptions) ? row.exceptions : null;
  if (chain && chain.length > 0) {
    const exceptions: RawException[] = chain.map((e) => ({
      type: e.type,
      message: e.message,
      relation: e.relation,
      stackTrace: e.frames?.length ? e.frames : (e as { stackTrace?: string }).stackTrace,
    }));
    return { type: chain[0].type || row.type, message: row.message, exceptions, platform: row.platform ?? undefined };
  }
  return { type: row.type, message: row.message, stackTrace: row.stackTrace ?? undefined, platform: row.platform ?? undefined };
}

/** Which existing issue each fingerprint leads to (its own, or a merge/upgrade redirect). */
async function ownersOf(projectId: string, fingerprints: string[]): Promise<Map<string, string>> {
  if (fingerprints.length === 0) return new Map();
  const { rows } = await pool().query<{ fingerprint: string; groupId: string }>(
    `SELECT fingerprint, "groupId"::text FROM "GroupFingerprint" WHERE "projectId" = $1::uuid AND fingerprint = ANY($2::text[])
     UNION ALL SELECT fingerprint, id::text FROM "ErrorGroup" WHERE "projectId" = $1::uuid AND fingerprint = ANY($2::text[])`,
    [projectId, fingerprints],
  );
  return new Map(rows.map((r) => [r.fingerprint, r.groupId]));
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}
