import { describe, expect, it } from "vitest";
import { ssoOutcome, type SsoFindings } from "@/lib/auth/oidc/ssoOutcome";

const none: SsoFindings = { linked: null, email: "ana@acme.test", account: null, invited: false, domainAllowed: false };

describe("which account a single sign-on opens", () => {
  it("signs in the account the identity is linked to, whatever the email says now", () => {
    expect(ssoOutcome({ ...none, linked: { userId: "u1" } })).toEqual({ kind: "signIn", userId: "u1" });
    expect(ssoOutcome({ ...none, linked: { userId: "u1" }, account: { id: "u2", unclaimedIdentityId: null } })).toEqual({ kind: "signIn", userId: "u1" });
    expect(ssoOutcome({ ...none, linked: { userId: "u1" }, email: null })).toEqual({ kind: "signIn", userId: "u1" });
  });

  it("never signs in by email alone: an account with the email but no identity needs its password once", () => {
    expect(ssoOutcome({ ...none, account: { id: "u2", unclaimedIdentityId: null } })).toEqual({ kind: "link", userId: "u2", email: "ana@acme.test" });
    // Invitations or an allowed domain change nothing for an existing account.
    expect(ssoOutcome({ ...none, account: { id: "u2", unclaimedIdentityId: null }, invited: true, domainAllowed: true })).toEqual({ kind: "link", userId: "u2", email: "ana@acme.test" });
  });

  it("lets an account single sign-on made before identities were kept claim its backfilled row", () => {
    expect(ssoOutcome({ ...none, account: { id: "u2", unclaimedIdentityId: "i1" } })).toEqual({ kind: "claim", userId: "u2", identityId: "i1", email: "ana@acme.test" });
  });

  it("makes an account for an invitee or an allowed domain, and refuses the rest", () => {
    expect(ssoOutcome({ ...none, invited: true })).toEqual({ kind: "provision", email: "ana@acme.test" });
    expect(ssoOutcome({ ...none, domainAllowed: true })).toEqual({ kind: "provision", email: "ana@acme.test" });
    expect(ssoOutcome(none)).toEqual({ kind: "noAccount", email: "ana@acme.test" });
    expect(ssoOutcome({ ...none, email: null, invited: true, domainAllowed: true })).toEqual({ kind: "unverified" });
  });
});
