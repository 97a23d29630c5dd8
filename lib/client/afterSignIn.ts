import type { SignInAnswer } from "@/lib/auth/signInResponse";

/** Where a page that signed in (reset link, invitation) goes next: `next`, or the code step of the sign-in page first. */
export function afterSignIn(answer: SignInAnswer, next: string): string {
  return answer.twoFactorRequired ? `/login?step=two-factor&next=${encodeURIComponent(next)}` : next;
}
