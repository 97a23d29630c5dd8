import { describe, expect, it } from "vitest";
import { roleChangeQuestion } from "@/components/members/roleChangeQuestion";

describe("roleChangeQuestion", () => {
  it("asks before demoting an admin, naming the invitations withdrawn", () => {
    const q = roleChangeQuestion({ name: "Ana", role: "admin" }, "member", false);
    expect(q).toMatchObject({ title: "Make Ana a member?", confirmLabel: "Make member" });
    expect(q?.body).toContain("invitations they sent that are still pending are withdrawn");
  });

  it("asks before any change of one's own role, saying only another admin can undo it", () => {
    const q = roleChangeQuestion({ name: "Me", role: "admin" }, "member", true);
    expect(q).toMatchObject({ title: "Change your own role to member?", confirmLabel: "Become member" });
    expect(q?.body).toContain("Only another admin can make you admin again.");
    expect(q?.body).toContain("invitations you sent");
  });

  it("asks before making anyone a viewer: their issues and rules", () => {
    const q = roleChangeQuestion({ name: "Bo", role: "member" }, "viewer", false);
    expect(q?.title).toBe("Make Bo a viewer?");
    expect(q?.body).toBe("They can no longer change issues: they are taken off the issues assigned to them here, and their assignment rules are turned off.");
    expect(roleChangeQuestion({ name: "Ana", role: "admin" }, "viewer", false)?.body).toContain("administer");
  });

  it("does not ask for promotions or for a viewer made a member", () => {
    expect(roleChangeQuestion({ name: "Bo", role: "member" }, "admin", false)).toBeNull();
    expect(roleChangeQuestion({ name: "Dan", role: "viewer" }, "member", false)).toBeNull();
    expect(roleChangeQuestion({ name: "Bo", role: "member" }, "member", false)).toBeNull();
  });
});
