"use client";

import { ErrorList } from "@/components/errors/ErrorList";
import { useErrorsQuery } from "@/lib/client/hooks/useErrorsQuery";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";
import { useTeamsQuery } from "@/lib/client/hooks/useTeamsQuery";
import { issueListFilters } from "@/lib/client/issueListFilters";
import type { DashboardParams, UpdateParams } from "@/lib/client/useDashboardParams";
import type { Me } from "@/lib/workspaces/getMe";

interface WorkspaceIssueListProps {
  me: Me;
  workspace: Me["workspaces"][number];
  params: DashboardParams;
  /** The project and environment the whole page is narrowed to. */
  scope: { projectId?: string; environment?: string };
  categories: string[];
  title?: string;
  onChange: UpdateParams;
  /** A row's plain click selects it into a details panel; without it the row opens the issue's page. */
  onSelect?: (errorId: string) => void;
  fullListHref?: string;
}

/** The workspace's issue list as the URL describes it: its request, the people to assign to, and the list. The dashboard and the Issues page show it alike. */
export function WorkspaceIssueList({ me, workspace, params, scope, categories, title, onChange, onSelect, fullListHref }: WorkspaceIssueListProps) {
  const filters = issueListFilters(workspace.id, params, scope);
  const list = useErrorsQuery(filters);
  const members = useMembersQuery(workspace.id);
  const teams = useTeamsQuery(workspace.id);
  return (
    <ErrorList
      workspaceId={workspace.id}
      filters={filters}
      members={members.data?.items ?? []}
      teams={teams.data?.items}
      currentUserId={me.user.id}
      canTriage={workspace.role !== "viewer"}
      projectNames={workspace.projects.length > 1 && !scope.projectId ? new Map(workspace.projects.map((p) => [p.id, p.name])) : undefined}
      params={params}
      categories={categories}
      data={list.data}
      isLoading={list.isLoading}
      isFetching={list.isFetching}
      error={list.error}
      onRetry={() => void list.refetch()}
      onChange={onChange}
      onSelect={onSelect}
      title={title}
      fullListHref={fullListHref}
    />
  );
}
