import { ApiError } from "@/lib/http/ApiError";
import { isForeignKeyViolation } from "@/lib/http/foreignKeyViolation";

const PROJECT_GONE = "project_gone";

/**
 * What the store stage throws for a request whose project is being deleted or is gone: its key was
 * still in some instance's cache (lib/auth/ingestKeyAuth.ts: at most KEY_MAX_AGE_MS), or it was on
 * its way when the deletion began. Nothing of it was written. A plain error with a code, not a
 * class: the fast path's bundle and Next.js's each have their own copy of lib/.
 */
export function projectGoneError(): Error {
  return Object.assign(new Error("the project is being deleted"), { code: PROJECT_GONE });
}

/** True for projectGoneError, and for a write that found the project's row gone (a foreign key violation). */
export function isProjectGone(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === PROJECT_GONE || isForeignKeyViolation(error);
}

/**
 * Runs a door's work; a project deleted under it is answered `refusal()` — what the door answers for
 * a deleted project's key (the native door 401 as for a revoked key, the Sentry door 404 as for an
 * unknown project) — never a 500.
 */
export async function refusingGoneProject<T>(work: () => Promise<T>, refusal: () => ApiError): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isProjectGone(error)) throw refusal();
    throw error;
  }
}
