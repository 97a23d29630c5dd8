"use client";

import { button } from "@/components/ui/buttonStyles";
import { useToast } from "@/components/ui/Toast";
import { useIssueSubscriptionQuery, useSetIssueSubscriptionMutation } from "@/lib/client/hooks/useNotificationsQuery";
import type { IssueSubscriptionDto } from "@/lib/notifications/issueSubscription";

const REASON_LABELS: Record<IssueSubscriptionDto["reasons"][number], string> = {
  assignee: "assigned to you",
  team: "assigned to your team",
  commenter: "you commented",
  resolver: "you resolved it",
};

/** Follow an issue (hear of its regressions, comments and resolutions) or stop following it. */
export function FollowIssueButton({ errorId }: { errorId: string }) {
  const state = useIssueSubscriptionQuery(errorId);
  const { showToast } = useToast();
  const set = useSetIssueSubscriptionMutation(errorId, showToast);
  if (!state.data) return null;
  const { subscribed, reasons, choice, projectMuted } = state.data;
  const why = subscribed
    ? choice
      ? "You follow this issue"
      : `You follow this issue: ${reasons.map((r) => REASON_LABELS[r]).join(", ")}`
    : choice === false
      ? "You stopped following this issue"
      : projectMuted
        ? "You muted this issue's project (Account → Notifications): follow to hear of this issue anyway"
        : "Follow to hear of its regressions, comments and resolutions";
  return (
    <button type="button" className={button.secondary} title={why} aria-pressed={subscribed} disabled={set.isPending} onClick={() => set.mutate(!subscribed)} data-testid="follow-issue">
      {subscribed ? "Following" : "Follow"}
    </button>
  );
}
