import { describe, expect, it } from "vitest";
import { invitationStatus } from "@/lib/invitations/invitationStatus";

const now = new Date("2026-03-10T12:00:00Z");
const later = new Date("2026-03-17T12:00:00Z");

describe("invitationStatus", () => {
  it("accepted and withdrawn win over expiry; expiry is at the exact instant", () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("pending");
    expect(invitationStatus({ acceptedAt: now, revokedAt: null, expiresAt: now }, now)).toBe("accepted");
    expect(invitationStatus({ acceptedAt: null, revokedAt: now, expiresAt: later }, now)).toBe("revoked");
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
  });
});
