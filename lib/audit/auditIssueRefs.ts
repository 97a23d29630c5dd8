import { isUuid } from "@/lib/ids/uuidv7";

/** Another issue an audit entry of an issue names: its id, and its type and message when the entry keeps them. */
export interface AuditIssueRef {
  errorId: string;
  snapshot: { type: string; message: string } | null;
}

/**
 * The other issues a merge or unmerge entry of an issue's trail names, from the ids its JSON holds:
 * the issues merged into it (`error.merged`: their snapshot, with type and message), the one it was
 * merged into (`error.merged_into`), the issues split off it (`error.unmerged`), the one it was split
 * from (`error.split_from`). Only UUIDs, since the entries are free-form JSON; none for other actions.
 */
export function auditIssueRefs(action: string, before: unknown, after: unknown): AuditIssueRef[] {
  const a = asRecord(after);
  switch (action) {
    case "error.merged":
      return listOf(a.merged).flatMap((s) => ref(s.errorId, snapshotOf(s)));
    case "error.merged_into":
      return ref(a.targetId, null);
    case "error.unmerged":
      return listOf(a.created).flatMap((c) => ref(c.errorId, null));
    case "error.split_from":
      return ref(asRecord(before).errorId, null);
    default:
      return [];
  }
}

function ref(id: unknown, snapshot: AuditIssueRef["snapshot"]): AuditIssueRef[] {
  return typeof id === "string" && isUuid(id) ? [{ errorId: id, snapshot }] : [];
}

/** The merged issue's type and message as the merge kept them; null without a type. */
function snapshotOf(snapshot: Record<string, unknown>): AuditIssueRef["snapshot"] {
  if (typeof snapshot.type !== "string" || !snapshot.type) return null;
  return { type: snapshot.type, message: typeof snapshot.message === "string" ? snapshot.message : "" };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(asRecord) : [];
}
