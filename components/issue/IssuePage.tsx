"use client";

import { formatDistanceToNow } from "date-fns";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ErrorAlerts } from "@/components/alerts/ErrorAlerts";
import { AppHeader } from "@/components/dashboard/AppHeader";
import { ActivityFeed } from "@/components/issue/ActivityFeed";
import { ActivityHistogram } from "@/components/issue/ActivityHistogram";
import { EventViewer } from "@/components/issue/event/EventViewer";
import { LinkedIssues } from "@/components/issue/LinkedIssues";
import { UnmergePanel } from "@/components/grouping/UnmergePanel";
import { EventsTab } from "@/components/issue/EventsTab";
import { FeedbackTab } from "@/components/issue/FeedbackTab";
import { InvestigationPanel } from "@/components/issue/InvestigationPanel";
import { IssueActions } from "@/components/issue/IssueActions";
import { IssueHeader } from "@/components/issue/IssueHeader";
import { FollowIssueButton } from "@/components/notifications/FollowIssueButton";
import { TwoFactorRequiredNotice } from "@/components/settings/TwoFactorRequiredNotice";
import { TagDistribution } from "@/components/issue/TagDistribution";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { ScrollEdgeFades } from "@/components/ui/ScrollEdgeFades";
import { ShortcutsDialog } from "@/components/ui/ShortcutsDialog";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useScrollEdges } from "@/components/ui/useScrollEdges";
import { useShortcuts, type Shortcut } from "@/components/ui/useShortcuts";
import { useErrorQuery } from "@/lib/client/hooks/useErrorQuery";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";
import { useTeamsQuery } from "@/lib/client/hooks/useTeamsQuery";
import { useMeQuery } from "@/lib/client/hooks/useMeQuery";
import { useIssueSubscriptionQuery, useSetIssueSubscriptionMutation } from "@/lib/client/hooks/useNotificationsQuery";
import { ApiRequestError } from "@/lib/client/apiFetch";
import { countOf } from "@/lib/client/format";
import { eventFilterParams, eventFiltersOf } from "@/lib/client/eventsTabLinks";
import { useListViewHref } from "@/lib/client/lastListView";
import { useDeleteIssueMutation } from "@/lib/client/hooks/useDeleteIssueMutation";
import { useDiscardIssueMutation } from "@/lib/client/hooks/useDiscardIssueMutation";
import { useUpdateErrorMutation } from "@/lib/client/hooks/useUpdateErrorMutation";
import { issueTitle } from "@/lib/domain/issueTitle";

const TABS = [
  ["event", "Event"],
  ["events", "All events"],
  ["activity", "Activity"],
  ["feedback", "User feedback"],
  ["investigation", "Investigation"],
] as const;
type TabKey = (typeof TABS)[number][0];

/** The full-width issue page: header with actions, then the event viewer and the other tabs beside tags and activity. */
export function IssuePage({ errorId }: { errorId: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const { showToast } = useToast();
  const me = useMeQuery();
  const issue = useErrorQuery(errorId);
  const workspace = me.data?.workspaces.find((w) => w.id === issue.data?.workspaceId);
  const canTriage = Boolean(workspace && workspace.role !== "viewer");
  const canAdminister = workspace?.role === "admin";
  const members = useMembersQuery(workspace?.id, Boolean(workspace));
  const teams = useTeamsQuery(workspace?.id, canTriage);
  const update = useUpdateErrorMutation((message) => showToast(`Change not saved: ${message}`));
  const discard = useDiscardIssueMutation(errorId, (message) => showToast(`Change not saved: ${message}`));
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The list as this tab left it.
  const listHref = useListViewHref(workspace?.id);
  const remove = useDeleteIssueMutation(
    errorId,
    () => {
      showToast("Issue deleted: its events are being removed in the background");
      router.push(listHref);
    },
    (message) => {
      setConfirmDelete(false);
      showToast(`Issue not deleted: ${message}`);
    },
  );
  const subscription = useIssueSubscriptionQuery(errorId);
  const follow = useSetIssueSubscriptionMutation(errorId, (message) => showToast(`Change not saved: ${message}`));
  const [showShortcuts, setShowShortcuts] = useState(false);
  // Phones scroll the tabs sideways: fades show that more tabs are there.
  const [observeTabs, tabEdges] = useScrollEdges<HTMLDivElement>();

  const tab = (TABS.find(([key]) => key === params.get("tab"))?.[0] ?? "event") as TabKey;
  const eventId = params.get("event") ?? "latest";
  const eventFilters = eventFiltersOf(params);
  const setParams = useCallback(
    (patch: Record<string, string | null>, push = true) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      const url = next.toString() ? `${pathname}?${next}` : pathname;
      if (push) router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [params, pathname, router],
  );

  // A link to an issue merged since then leads to the issue that holds its events now.
  const mergedInto = issue.error instanceof ApiRequestError && issue.error.status === 404 ? issue.error.details.mergedInto : undefined;
  useEffect(() => {
    if (typeof mergedInto !== "string") return;
    const next = new URLSearchParams(params.toString());
    next.set("mergedFrom", errorId);
    router.replace(`/errors/${encodeURIComponent(mergedInto)}?${next}`);
  }, [mergedInto, errorId, params, router]);
  const mergedFrom = params.get("mergedFrom");
  // An issue of a workspace of theirs that keeps them out until they turn on two-factor sign-in.
  const twoFactorWorkspaceId =
    issue.error instanceof ApiRequestError && issue.error.status === 403 && issue.error.details.code === "two_factor_required" ? String(issue.error.details.workspaceId ?? "") : null;

  useEffect(() => {
    if (issue.data) document.title = `${issueTitle(issue.data, 100)} · Faultline`;
  }, [issue.data]);

  const status = issue.data?.status;
  const change = (patch: Parameters<typeof update.mutate>[0]["patch"]) => update.mutate({ errorId, patch, actor: me.data?.user });
  const shortcuts: Shortcut[] = [
    { key: "r", label: "Resolve", run: () => change({ status: "resolved" }), enabled: canTriage && status !== undefined && status !== "resolved" },
    { key: "i", label: "Ignore", run: () => change({ status: "ignored" }), enabled: canTriage && status !== undefined && status !== "ignored" },
    { key: "u", label: "Reopen a resolved or ignored issue", run: () => change({ status: "new" }), enabled: canTriage && (status === "resolved" || status === "ignored") },
    { key: "a", label: "Assign to me", run: () => me.data && change({ assigneeId: me.data.user.id }), enabled: canTriage && Boolean(me.data) && issue.data?.assigneeId !== me.data?.user.id },
    { key: "f", label: "Follow or stop following", run: () => subscription.data && follow.mutate(!subscription.data.subscribed), enabled: Boolean(subscription.data) },
    { key: "?", label: "Show these shortcuts", run: () => setShowShortcuts(true) },
  ];
  useShortcuts(issue.data ? shortcuts : []);

  return (
    <div className="min-h-screen">
      <AppHeader me={me.data} workspace={workspace} onWorkspaceChange={(id) => router.push(`/errors?ws=${id}`)} active="issues" wide />
      {issue.isLoading || me.isLoading || typeof mergedInto === "string" ? (
        <LoadingState label="Loading the issue…" />
      ) : twoFactorWorkspaceId !== null ? (
        <main className="mx-auto px-3 py-6 sm:px-6 lg:px-8">
          <TwoFactorRequiredNotice workspaceName={me.data?.workspaces.find((w) => w.id === twoFactorWorkspaceId)?.name ?? "This workspace"} />
        </main>
      ) : issue.error instanceof ApiRequestError && issue.error.status === 404 ? (
        <EmptyState title="Issue not found">
          <p>It was deleted, its events passed the retention period, or it belongs to a workspace you are not a member of.</p>
          <Link href={listHref} className="mt-3 inline-block font-medium text-blue-700 hover:underline dark:text-blue-400">
            Back to the issues
          </Link>
        </EmptyState>
      ) : issue.error && !issue.data ? (
        <ErrorState error={issue.error} onRetry={() => void issue.refetch()} />
      ) : !issue.data || !me.data ? (
        <EmptyState title="Issue not found" />
      ) : (
        <>
          <ConfirmDialog
            open={confirmDelete}
            title="Delete this issue?"
            confirmLabel="Delete issue"
            pendingLabel="Deleting…"
            isPending={remove.isPending || remove.isSuccess}
            onConfirm={() => remove.mutate()}
            onClose={() => setConfirmDelete(false)}
          >
            <p>
              Its {countOf(issue.data.occurrences, "event")}, their attachments and user feedback, its tags, users, comments and links are deleted, and the dashboard stops
              counting them. This cannot be undone.
            </p>
            <p className="mt-2">A new event with the same fingerprint opens a new issue. To stop receiving these events instead, use Ignore → Forever, and discard new events.</p>
          </ConfirmDialog>
          <ShortcutsDialog
            open={showShortcuts}
            onClose={() => setShowShortcuts(false)}
            shortcuts={[...shortcuts.filter((s) => s.key !== "?" && (canTriage || !"riua".includes(s.key))), { key: "j", label: "Older event" }, { key: "k", label: "Newer event" }, { key: "?", label: "Show these shortcuts" }]}
          />
          <IssueHeader
            issue={issue.data}
            projectName={workspace && workspace.projects.length > 1 ? workspace.projects.find((p) => p.id === issue.data.projectId)?.name : undefined}
            listHref={listHref}
            actions={
              canTriage ? (
                <IssueActions
                  issue={issue.data}
                  members={members.data?.items ?? []}
                  teams={teams.data?.items ?? []}
                  currentUserId={me.data.user.id}
                  isPending={update.isPending}
                  onUpdate={(patch) => update.mutate({ errorId, patch, actor: me.data?.user })}
                  onDiscard={() => discard.mutate(true)}
                  onDelete={canAdminister ? () => setConfirmDelete(true) : undefined}
                />
              ) : (
                <div className="flex flex-wrap items-center gap-3">
                  <p className="text-sm text-gray-500 dark:text-gray-400">You have view-only access to this workspace.</p>
                  <FollowIssueButton errorId={errorId} />
                </div>
              )
            }
          />
          {issue.data.discarded && (
            <div role="status" data-testid="discard-note" className="mx-auto mt-3 flex max-w-screen-2xl items-center justify-between gap-3 px-3 sm:px-6 lg:px-8">
              <p className="flex-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
                New events of this issue are discarded (since {formatDistanceToNow(new Date(issue.data.discarded.since), { addSuffix: true })}
                {issue.data.discarded.by ? `, by ${issue.data.discarded.by.name || issue.data.discarded.by.email}` : ""}): not stored, counted as filtered in the ingest health
                {issue.data.discarded.events > 0 ? ` — ${countOf(issue.data.discarded.events, "event")} dropped so far, the last ${formatDistanceToNow(new Date(issue.data.discarded.lastEventAt ?? issue.data.discarded.since), { addSuffix: true })}` : ""}.
                {canTriage && (
                  <button type="button" className="ml-3 font-medium underline" disabled={discard.isPending} onClick={() => discard.mutate(false)}>
                    Keep new events
                  </button>
                )}
              </p>
            </div>
          )}
          {mergedFrom && (
            <div role="status" className="mx-auto mt-3 flex max-w-screen-2xl items-center justify-between gap-3 px-3 sm:px-6 lg:px-8">
              <p className="flex-1 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-100">
                The issue you followed a link to (<span className="font-mono">{mergedFrom.slice(0, 8)}</span>) was merged into this one: its events are here.
                <button type="button" className="ml-3 font-medium underline" onClick={() => setParams({ mergedFrom: null }, false)}>
                  Dismiss
                </button>
              </p>
            </div>
          )}
          <main className="mx-auto grid max-w-screen-2xl grid-cols-1 gap-4 px-3 py-4 sm:px-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:px-8 xl:grid-cols-[minmax(0,1fr)_24rem]">
            <div className="min-w-0 space-y-4">
              <div className="flex items-center border-b border-gray-200 dark:border-gray-800">
                <div className="relative min-w-0 flex-1">
                  <div ref={observeTabs} role="tablist" aria-label="Issue sections" className="flex gap-1 overflow-x-auto">
                    {TABS.map(([key, label]) => (
                      <button
                        key={key}
                        type="button"
                        role="tab"
                        aria-selected={tab === key}
                        onClick={() => setParams({ tab: key === "event" ? null : key })}
                        className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${tab === key ? "border-blue-600 text-blue-700 dark:text-blue-400" : "border-transparent text-gray-600 hover:text-gray-900 dark:text-gray-400 dark:hover:text-gray-100"}`}
                      >
                        {label}
                        {key === "feedback" && issue.data!.feedback > 0 && (
                          <span className="ml-1.5 rounded-full bg-blue-100 px-1.5 py-0.5 text-xs text-blue-800 dark:bg-blue-900/60 dark:text-blue-200" data-testid="feedback-count">
                            {issue.data!.feedback}
                          </span>
                        )}
                      </button>
                    ))}
                  </div>
                  <ScrollEdgeFades edges={tabEdges} from="from-gray-50 dark:from-gray-950" />
                </div>
                <button
                  type="button"
                  onClick={() => setShowShortcuts(true)}
                  title="Keyboard shortcuts"
                  aria-label="Keyboard shortcuts"
                  className="ml-auto hidden self-center rounded border border-gray-300 px-1.5 font-mono text-xs text-gray-500 hover:bg-gray-100 sm:block dark:border-gray-600 dark:text-gray-400 dark:hover:bg-gray-800"
                >
                  ?
                </button>
              </div>
              <div role="tabpanel">
                {tab === "event" && (
                  <EventViewer
                    errorId={errorId}
                    workspaceId={issue.data.workspaceId}
                    mappableProjectId={workspace?.role === "admin" ? issue.data.projectId : undefined}
                    assignSuspect={canTriage ? { members: members.data?.items ?? [], assigneeId: issue.data.assigneeId, onAssign: (assigneeId) => update.mutate({ errorId, patch: { assigneeId }, actor: me.data?.user }) } : undefined}
                    eventId={eventId}
                    filters={eventFilters}
                    onClearFilters={() => setParams(eventFilterParams({}))}
                    onNavigate={(id) => setParams({ event: id })}
                    noStoredEvents={
                      issue.data.recentOccurrences.length === 0 ? { retentionDays: issue.data.retention.days, expired: issue.data.retention.expiredEvents > 0 } : null
                    }
                  />
                )}
                {tab === "events" && (
                  // Its filters live in the URL (a reload, Back and a shared link keep them); typing replaces the entry.
                  <EventsTab
                    errorId={errorId}
                    filters={eventFilters}
                    onFiltersChange={(filters) => setParams(eventFilterParams(filters), false)}
                    canExport={canTriage}
                    onOpen={(id) => setParams({ tab: null, event: id })}
                  />
                )}
                {tab === "activity" && (
                  <ActivityFeed issue={issue.data} members={members.data?.items ?? []} currentUserId={me.data.user.id} canComment={canTriage} isAdmin={workspace?.role === "admin"} />
                )}
                {tab === "feedback" && <FeedbackTab errorId={errorId} onOpenEvent={(id) => setParams({ tab: null, event: id, ...eventFilterParams({}) })} />}
                {tab === "investigation" && <InvestigationPanel errorId={errorId} canCheck={canTriage} />}
              </div>
            </div>
            <aside className="min-w-0 space-y-4" aria-label="Issue summary">
              {workspace && <ErrorAlerts workspace={workspace} errorId={errorId} linkedAlertId={params.get("alert")} />}
              <ActivityHistogram errorId={errorId} />
              <LinkedIssues errorId={errorId} canEdit={canTriage} />
              {/* Shown once the issue holds more than its own fingerprint (merged issues, a grouping upgrade). */}
              <UnmergePanel errorId={errorId} canUnmerge={canTriage} framed />
              <TagDistribution errorId={errorId} />
            </aside>
          </main>
        </>
      )}
    </div>
  );
}
