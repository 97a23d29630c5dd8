import { z } from "zod";

export const MAX_IGNORE_MINUTES = 366 * 24 * 60;

/**
 * How a resolve or ignore applies (Sentry's `statusDetails`): resolve in the next release, or ignore
 * for a duration / until N more events / until N more users. At most one ignore condition.
 */
export const StatusDetailsSchema = z
  .object({
    inNextRelease: z.literal(true).optional(),
    ignoreDurationMinutes: z.number().int().min(1).max(MAX_IGNORE_MINUTES).optional(),
    ignoreCount: z.number().int().min(1).max(1_000_000_000).optional(),
    ignoreUserCount: z.number().int().min(1).max(1_000_000_000).optional(),
  })
  .strict()
  .refine((d) => [d.ignoreDurationMinutes, d.ignoreCount, d.ignoreUserCount].filter((v) => v !== undefined).length <= 1, {
    message: "give at most one of ignoreDurationMinutes, ignoreCount, ignoreUserCount",
  })
  .refine((d) => !(d.inNextRelease && (d.ignoreDurationMinutes || d.ignoreCount || d.ignoreUserCount)), {
    message: "inNextRelease applies to resolving, the ignore conditions to ignoring",
  });
export type StatusDetails = z.infer<typeof StatusDetailsSchema>;

/** The group columns a status change sets besides `status`. */
export interface StatusFields {
  resolvedInNextRelease: boolean;
  resolvedRelease: string | null;
  ignoredUntil: Date | null;
  ignoreUntilEvents: number | null;
  ignoreUntilUsers: number | null;
}

export const CLEARED: StatusFields = { resolvedInNextRelease: false, resolvedRelease: null, ignoredUntil: null, ignoreUntilEvents: null, ignoreUntilUsers: null };

/**
 * The conditional fields for a new status (pure): resolving "in the next release" remembers the
 * issue's latest release; ignoring with a condition stores an absolute target (counts when ignored
 * + N, or now + duration). Any other status clears them all.
 */
export function statusFields(
  status: string,
  details: StatusDetails | undefined,
  group: { occurrenceCount: number; usersAffected: number; latestRelease: string | null },
  now: Date,
): StatusFields {
  if (status === "resolved" && details?.inNextRelease) return { ...CLEARED, resolvedInNextRelease: true, resolvedRelease: group.latestRelease };
  if (status !== "ignored" || !details) return CLEARED;
  return {
    ...CLEARED,
    ignoredUntil: details.ignoreDurationMinutes ? new Date(now.getTime() + details.ignoreDurationMinutes * 60_000) : null,
    ignoreUntilEvents: details.ignoreCount ? group.occurrenceCount + details.ignoreCount : null,
    ignoreUntilUsers: details.ignoreUserCount ? group.usersAffected + details.ignoreUserCount : null,
  };
}

/** An ignore that can end by itself: for a time, or until more events or users. */
export function hasIgnoreCondition(details: StatusDetails | undefined): boolean {
  return Boolean(details?.ignoreDurationMinutes || details?.ignoreCount || details?.ignoreUserCount);
}

/** Checks that details fit the status they come with (422 naming statusDetails otherwise). */
export function statusDetailsProblem(status: string | undefined, details: StatusDetails | undefined): string | null {
  if (!details) return null;
  if (details.inNextRelease && status !== "resolved") return "inNextRelease needs status resolved";
  if (hasIgnoreCondition(details) && status !== "ignored") return "ignore conditions need status ignored";
  return null;
}
