"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/dashboard/AppHeader";
import { TwoFactorRequiredNotice } from "@/components/settings/TwoFactorRequiredNotice";
import { NoWorkspaceState } from "@/components/dashboard/NoWorkspaceState";
import { UnknownWorkspaceNotice } from "@/components/dashboard/UnknownWorkspaceNotice";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useMeQuery } from "@/lib/client/hooks/useMeQuery";
import { pickWorkspace } from "@/lib/client/pickWorkspace";
import type { Me } from "@/lib/workspaces/getMe";

export type Workspace = Me["workspaces"][number];

const SETTINGS_TABS = [
  { href: "/settings", label: "Project" },
  { href: "/settings/workspace", label: "Workspace & members" },
  { href: "/settings/teams", label: "Teams & assignment" },
  { href: "/settings/alerts", label: "Alerts" },
  { href: "/settings/status", label: "Status" },
] as const;

interface WorkspaceShellProps {
  active: "settings" | "releases" | "activity" | "feedback" | "crons" | "account";
  title: string;
  subtitle?: string;
  /** Show the settings tabs under the title (every settings page is wide, so the tabs stay put between them). */
  settingsTabs?: boolean;
  /** Content width of a page without settings tabs: forms (narrow) or tables (wide). */
  width?: "narrow" | "wide";
  actions?: (workspace: Workspace) => ReactNode;
  children: (ctx: { me: Me; workspace: Workspace }) => ReactNode;
  /** What a user in no workspace sees instead (a page of theirs alone, like the account); else the way to create one. */
  withoutWorkspace?: ReactNode;
}

/** Header, title, optional settings tabs, and the workspace named by `?ws=` (first one otherwise; a notice for one not theirs). */
export function WorkspaceShell({ active, title, subtitle, settingsTabs, width = "narrow", actions, children, withoutWorkspace }: WorkspaceShellProps) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const me = useMeQuery();
  const workspaces = me.data?.workspaces ?? [];
  const { workspace, unknownId: unknownWorkspaceId } = pickWorkspace(workspaces, params.get("ws"));
  // The account is the person's own, whichever workspace the link names.
  const unknownId = active === "account" ? null : unknownWorkspaceId;
  const wsQuery = workspace ? `?ws=${workspace.id}` : "";

  return (
    <div className="min-h-screen">
      <AppHeader me={me.data} workspace={workspace} onWorkspaceChange={(id) => router.replace(`${pathname}?ws=${id}`)} active={active} />
      <main className={`mx-auto space-y-6 px-3 py-6 sm:px-6 lg:px-8 ${width === "wide" || settingsTabs ? "max-w-5xl" : "max-w-3xl"}`}>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h1 className="text-2xl font-bold text-gray-900 dark:text-gray-100">{title}</h1>
            {subtitle && <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">{subtitle}</p>}
          </div>
          {workspace && !unknownId && actions?.(workspace)}
        </div>
        {settingsTabs && (
          <nav aria-label="Settings" className="-mx-3 flex gap-1 overflow-x-auto border-b border-gray-200 px-3 sm:mx-0 sm:px-0 dark:border-gray-800">
            {SETTINGS_TABS.map((tab) => {
              const current = pathname === tab.href;
              return (
                <Link
                  key={tab.href}
                  href={`${tab.href}${wsQuery}`}
                  aria-current={current ? "page" : undefined}
                  className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                    current ? "border-blue-600 text-blue-700 dark:text-blue-400" : "border-transparent text-gray-600 hover:text-gray-900 dark:text-gray-300 dark:hover:text-white"
                  }`}
                >
                  {tab.label}
                </Link>
              );
            })}
          </nav>
        )}
        {me.isLoading ? (
          <LoadingState />
        ) : me.error ? (
          <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        ) : !me.data || !workspace ? (
          (withoutWorkspace ?? <NoWorkspaceState onCreated={(id) => router.replace(`${pathname}?ws=${id}`)} />)
        ) : unknownId ? (
          <UnknownWorkspaceNotice fallback={workspace} />
        ) : workspace.twoFactorBlocked && active !== "account" ? (
          <TwoFactorRequiredNotice workspaceName={workspace.name} />
        ) : (
          children({ me: me.data, workspace })
        )}
      </main>
    </div>
  );
}
