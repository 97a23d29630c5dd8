import type { AuthContext } from "@/lib/auth/AuthContext";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { ApiError } from "@/lib/http/ApiError";

/** The browser tab title of an issue page: "Type: message", or null when the caller cannot see it. */
export async function getIssueTitle(auth: AuthContext, errorId: string): Promise<string | null> {
  try {
    const group = await findVisibleError(auth, errorId);
    const message = group.message.length > 80 ? `${group.message.slice(0, 79)}…` : group.message;
    return message ? `${group.type}: ${message}` : group.type;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
