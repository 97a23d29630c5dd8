import { ApiRequestError } from "@/lib/client/apiFetch";

/** What the invitation page says when the link does not open an invitation. */
export interface InvitationProblem {
  title: string;
  message: string;
}

const UNUSABLE = "This invitation cannot be used";

/**
 * A malformed token (422: cut off when copied, or mistyped) and an unknown one (404) are the same to
 * the person holding the link: it is not valid. A used, withdrawn or expired one (410) says which, in
 * the server's words. Anything else (the server or the network failing) keeps its message: trying
 * again may help.
 */
export function invitationProblem(error: unknown): InvitationProblem {
  if (error instanceof ApiRequestError && (error.status === 404 || error.status === 422)) {
    return { title: UNUSABLE, message: "This invitation link is not valid (it may have been cut off when copied)." };
  }
  if (error instanceof ApiRequestError && error.status === 410) return { title: UNUSABLE, message: sentence(error.message) };
  return { title: "Invitation", message: sentence(error instanceof Error ? `the invitation could not be opened: ${error.message}` : "the invitation could not be opened") };
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`;
