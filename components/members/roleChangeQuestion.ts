import type { ConfirmRequest } from "@/components/ui/useConfirm";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What to ask before a role change that cannot be taken back by the same hands or that undoes work —
 * one's own role, an admin's demotion, anyone made a viewer — naming what it does; null when the
 * change needs no confirmation (someone promoted, a viewer made a member).
 */
export function roleChangeQuestion(person: { name: string; role: Role }, role: Role, isSelf: boolean): ConfirmRequest | null {
  if (role === person.role) return null;
  const demotesAdmin = person.role === "admin";
  const toViewer = role === "viewer";
  if (!isSelf && !demotesAdmin && !toViewer) return null;
  const [subject, object, own, are] = isSelf ? ["you", "you", "your", "you are"] : ["they", "them", "their", "they are"];
  const Subject = subject === "you" ? "You" : "They";
  const consequences = [
    demotesAdmin && `${Subject} can no longer administer this workspace, and the invitations ${subject} sent that are still pending are withdrawn.`,
    toViewer && `${Subject} can no longer change issues: ${are} taken off the issues assigned to ${object} here, and ${own} assignment rules are turned off.`,
    isSelf && demotesAdmin && "Only another admin can make you admin again.",
  ].filter((line): line is string => typeof line === "string");
  return {
    title: isSelf ? `Change your own role to ${role}?` : `Make ${person.name} ${role === "admin" ? "an" : "a"} ${role}?`,
    body: consequences.join(" "),
    confirmLabel: isSelf ? `Become ${role}` : `Make ${role}`,
  };
}
