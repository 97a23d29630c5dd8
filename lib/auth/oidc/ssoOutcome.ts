/** What the callback found for a verified ID token (lib/auth/oidc/findSsoAccount.ts). */
export interface SsoFindings {
  /** The account the provider's identity (issuer, sub) is linked to. */
  linked: { userId: string } | null;
  /** The provider's verified email (lower case), or null. */
  email: string | null;
  /** The account with that email, and its backfilled identity row when single sign-on made it before identities were kept. */
  account: { id: string; unclaimedIdentityId: string | null } | null;
  /** Whether the email holds pending invitations. */
  invited: boolean;
  /** Whether OIDC_ALLOWED_DOMAINS names the email's domain. */
  domainAllowed: boolean;
}

export type SsoOutcome =
  | { kind: "signIn"; userId: string }
  | { kind: "claim"; userId: string; identityId: string; email: string }
  | { kind: "link"; userId: string; email: string }
  | { kind: "provision"; email: string }
  | { kind: "unverified" }
  | { kind: "noAccount"; email: string };

/**
 * Which account a single sign-on opens, pure. The identity decides: once linked, the provider's
 * (issuer, sub) signs in its account whatever email the provider gives now (an address changed at
 * the provider neither moves the identity to another account nor changes the account's email). An
 * email alone never signs in: an account with the verified email but no identity is linked only with
 * its password (someone may have made it with that address and a password of their own: pre-account
 * hijacking) — except an account single sign-on made itself before identities were kept (its
 * backfilled row, claimed once). No account: one is made for an invitee or an allowed domain.
 */
export function ssoOutcome(found: SsoFindings): SsoOutcome {
  if (found.linked) return { kind: "signIn", userId: found.linked.userId };
  if (!found.email) return { kind: "unverified" };
  if (found.account) {
    const { id, unclaimedIdentityId } = found.account;
    return unclaimedIdentityId ? { kind: "claim", userId: id, identityId: unclaimedIdentityId, email: found.email } : { kind: "link", userId: id, email: found.email };
  }
  if (found.invited || found.domainAllowed) return { kind: "provision", email: found.email };
  return { kind: "noAccount", email: found.email };
}
