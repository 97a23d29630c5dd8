import type { AuthContext } from "@/lib/auth/AuthContext";
import { issueTitle } from "@/lib/domain/issueTitle";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { ApiError } from "@/lib/http/ApiError";

/** The browser tab title of an issue page: "Type: message" (a logged message by its text), or null when the caller cannot see it. */
export async function getIssueTitle(auth: AuthContext, errorId: string): Promise<string | null> {
  try {
    const group = await findVisibleError(auth, errorId);
    return issueTitle(group, 100);
  } catch (error) {
    // Not found, or of a workspace that keeps the caller out until they turn on two-factor sign-in.
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}
