"use client";

import Link from "next/link";
import { Menu, MenuButton, MenuItem, MenuItems } from "@headlessui/react";
import { WorkspaceSwitcher } from "@/components/dashboard/WorkspaceSwitcher";
import { NotificationBell } from "@/components/notifications/NotificationBell";
import { ScrollEdgeFades } from "@/components/ui/ScrollEdgeFades";
import { SkipLink } from "@/components/ui/SkipLink";
import { useScrollEdges } from "@/components/ui/useScrollEdges";
import { useToast } from "@/components/ui/Toast";
import { apiFetch, stopRequestsForSignOut } from "@/lib/client/apiFetch";
import { useListViewHref, useRememberedProject } from "@/lib/client/lastListView";
import type { Me } from "@/lib/workspaces/getMe";

type Workspace = Me["workspaces"][number];

interface AppHeaderProps {
  me?: Me;
  workspace?: Workspace;
  onWorkspaceChange?: (id: string) => void;
  active: "dashboard" | "issues" | "releases" | "reports" | "activity" | "feedback" | "crons" | "settings" | "account";
  /** As wide as the page below it: the Issues page and an issue's page use the screen's width. */
  wide?: boolean;
}

const navLink = (active: boolean) =>
  `shrink-0 whitespace-nowrap rounded-md px-1.5 py-1 text-sm font-medium sm:px-2 ${active ? "bg-gray-100 text-gray-900 dark:bg-gray-800 dark:text-white" : "text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800"}`;

export function AppHeader({ me, workspace, onWorkspaceChange, active, wide = false }: AppHeaderProps) {
  const { showToast } = useToast();
  const wsQuery = workspace ? `?ws=${workspace.id}` : "";
  // The dashboard and the Issues page keep the project, environment and timeframe last chosen in this tab.
  const dashboardHref = useListViewHref(workspace?.id, "scope", "/");
  const issuesHref = useListViewHref(workspace?.id, "scope", "/errors");
  // …and the pages with a project filter open on that project.
  const remembered = useRememberedProject(workspace?.id);
  const scopedQuery = remembered ? `${wsQuery}&project=${remembered}` : wsQuery;
  const navEntries: { key: AppHeaderProps["active"]; label: string; href: string }[] = [
    { key: "dashboard", label: "Dashboard", href: dashboardHref },
    { key: "issues", label: "Issues", href: issuesHref },
    { key: "releases", label: "Releases", href: `/releases${scopedQuery}` },
    { key: "reports", label: "Reports", href: `/reports${scopedQuery}` },
    { key: "activity", label: "Activity", href: `/activity${wsQuery}` },
    { key: "feedback", label: "Feedback", href: `/feedback${scopedQuery}` },
    { key: "crons", label: "Crons", href: `/crons${scopedQuery}` },
    { key: "settings", label: "Settings", href: `/settings${scopedQuery}` },
  ];
  // Phones scroll the nav sideways: fades show that more links are there.
  const [observeNav, navEdges] = useScrollEdges<HTMLElement>();

  async function signOut() {
    const resume = stopRequestsForSignOut();
    try {
      await apiFetch("/api/v1/auth/logout", { method: "POST" });
      // A full navigation drops every cached query of the signed-out user.
      window.location.replace("/login");
    } catch (e) {
      resume();
      showToast(e instanceof Error ? e.message : "sign-out failed");
    }
  }

  return (
    <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
      <SkipLink />
      {/* One row from lg up; below it the nav takes a row of its own (scrolling sideways on phones), so no link is ever cut off. */}
      <div className={`mx-auto flex ${wide ? "max-w-screen-2xl" : "max-w-7xl"} flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2.5 sm:px-6 lg:flex-nowrap lg:gap-4 lg:px-8`}>
        <Link href={dashboardHref} className="font-semibold text-red-600 dark:text-red-400">
          Faultline
        </Link>
        {me && workspace && onWorkspaceChange && <WorkspaceSwitcher workspaces={me.workspaces} current={workspace} onChange={onWorkspaceChange} />}
        <div className="relative order-last -mx-4 w-[calc(100%+2rem)] min-w-0 sm:-mx-6 sm:w-[calc(100%+3rem)] lg:order-none lg:mx-0 lg:w-auto">
          <nav ref={observeNav} aria-label="Main" className="flex items-center gap-0.5 overflow-x-auto px-4 sm:gap-1 sm:px-6 lg:px-0">
            {navEntries.map(({ key, label, href }) => (
              <Link key={key} href={href} className={navLink(active === key)} aria-current={active === key ? "page" : undefined}>
                {label}
              </Link>
            ))}
          </nav>
          <ScrollEdgeFades edges={navEdges} from="from-white dark:from-gray-900" />
        </div>
        <div className="ml-auto flex items-center gap-2">
          {me && <NotificationBell />}
          {me && (
            <Menu>
              <MenuButton className="flex items-center gap-2 rounded-full text-sm text-gray-600 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-gray-300">
                {/* The name is the visible text ("Account: " read out only), the email shown on wide screens. */}
                <span className="sr-only">Account: </span>
                <span className="sr-only xl:not-sr-only xl:max-w-[14rem] xl:truncate">{me.user.email}</span>
                <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-full bg-gray-200 font-medium uppercase text-gray-700 dark:bg-gray-700 dark:text-gray-200">
                  {(me.user.name || me.user.email).slice(0, 1)}
                </span>
              </MenuButton>
              <MenuItems
                anchor="bottom end"
                className="z-40 mt-1 w-56 rounded-md bg-white p-1 text-sm shadow-lg ring-1 ring-gray-200 focus:outline-none dark:bg-gray-900 dark:ring-gray-700"
              >
                <div className="truncate px-2 py-1.5 text-xs text-gray-500 dark:text-gray-400">
                  {me.user.name} · {workspace?.role}
                </div>
                <MenuItem>
                  <Link href={`/account${wsQuery}`} className="block w-full rounded px-2 py-1.5 text-left data-[focus]:bg-gray-100 dark:data-[focus]:bg-gray-800">
                    Account
                  </Link>
                </MenuItem>
                <MenuItem>
                  <button type="button" onClick={signOut} className="w-full rounded px-2 py-1.5 text-left data-[focus]:bg-gray-100 dark:data-[focus]:bg-gray-800">
                    Sign out
                  </button>
                </MenuItem>
              </MenuItems>
            </Menu>
          )}
        </div>
      </div>
    </header>
  );
}
