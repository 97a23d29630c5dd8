import type { AuthContext } from "@/lib/auth/AuthContext";
import { issueTitle } from "@/lib/domain/issueTitle";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { ApiError } from "@/lib/http/ApiError";

/**
 * The browser tab title of an issue page: "Type: message" (a logged message by its text), what keeps
 * the caller out of a workspace of theirs that requires two-factor sign-in, or null when the caller
 * cannot see it.
 */
export async function getIssueTitle(auth: AuthContext, errorId: string): Promise<string | null> {
  try {
    const group = await findVisibleError(auth, errorId);
    return issueTitle(group, 100);
  } catch (error) {
    if (error instanceof ApiError && error.code === "two_factor_required") return "Two-factor sign-in required";
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
