import type { AuthContext } from "@/lib/auth/AuthContext";
import { seesPeople } from "@/lib/auth/seesPeople";
import { ApiError } from "@/lib/http/ApiError";

/**
 * The events' `user` filter asks whether an end user (an email, an id) had the issue's events: not
 * for an ingest key, which reads errors without their users (422 naming `user`, as the issue list's
 * `assigned` is for a key).
 */
export function assertNoEndUserFilter(auth: AuthContext, filters: { user?: string }): void {
  if (filters.user !== undefined && !seesPeople(auth)) {
    throw ApiError.validation("user: filtering by user needs a signed-in user", [{ path: "user", message: "needs a signed-in user" }]);
  }
}
