/**
 * Why Faultline took a person off an issue (`after.reason` of the issue's `error.updated` audit entry),
 * or turned an assignment rule off (`after.reason` of `assignment_rule.updated`): the person can no
 * longer be assigned there.
 */
export const UNASSIGN_REASONS = {
  member_removed: "the assignee was removed from the workspace",
  member_left: "the assignee left the workspace",
  left_team: "the assignee is no longer in the team",
  became_viewer: "the assignee became a viewer",
} as const;
export type UnassignReason = keyof typeof UNASSIGN_REASONS;

/** The words of a reason an audit entry holds, or null for none (or one this version does not know). */
export function unassignReasonText(reason: unknown): string | null {
  return typeof reason === "string" && Object.hasOwn(UNASSIGN_REASONS, reason) ? UNASSIGN_REASONS[reason as UnassignReason] : null;
}
