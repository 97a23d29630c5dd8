"use client";

import { Popover, PopoverButton, PopoverPanel } from "@headlessui/react";
import { formatDistanceToNowStrict } from "date-fns";
import Link from "next/link";
import { button } from "@/components/ui/buttonStyles";
import { useToast } from "@/components/ui/Toast";
import { issueTitle } from "@/lib/domain/issueTitle";
import { notificationHref } from "@/lib/notifications/notificationHref";
import { useMarkNotificationsMutation, useNotificationsQuery } from "@/lib/client/hooks/useNotificationsQuery";

/** The header's inbox: what happened to the issues you take part in and alerts sent to you, the unread ones counted on the bell. */
export function NotificationBell() {
  const inbox = useNotificationsQuery();
  const { showToast } = useToast();
  const mark = useMarkNotificationsMutation(showToast);
  const unread = inbox.data?.unreadCount ?? 0;
  const items = inbox.data?.items ?? [];

  return (
    <Popover className="relative">
      <PopoverButton
        aria-label={unread > 0 ? `Notifications: ${unread} unread` : "Notifications"}
        data-testid="notification-bell"
        className="relative flex h-8 w-8 items-center justify-center rounded-full text-gray-600 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-gray-300 dark:hover:bg-gray-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
          <path d="M10 2a5 5 0 0 0-5 5v2.6l-1.3 2.6A1 1 0 0 0 4.6 14h10.8a1 1 0 0 0 .9-1.4L15 9.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 10 18Z" />
        </svg>
        {unread > 0 && (
          <span data-testid="notification-count" className="absolute -right-1 -top-1 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[0.65rem] font-semibold leading-[1.1rem] text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </PopoverButton>
      <PopoverPanel
        anchor="bottom end"
        className="z-40 mt-1 w-[min(24rem,calc(100vw-1rem))] rounded-md bg-white shadow-lg ring-1 ring-gray-200 focus:outline-none dark:bg-gray-900 dark:ring-gray-700"
      >
        {({ close }) => (
          <div>
            <div className="flex items-center justify-between border-b border-gray-200 px-3 py-2 dark:border-gray-800">
              <h2 className="text-sm font-semibold text-gray-900 dark:text-gray-100">Notifications</h2>
              <button type="button" className={`${button.ghost} !px-2 !py-1 text-xs`} disabled={unread === 0 || mark.isPending} onClick={() => mark.mutate({ all: true })}>
                Mark all read
              </button>
            </div>
            {inbox.isError && <p className="px-3 py-4 text-sm text-red-700 dark:text-red-400">Could not load notifications.</p>}
            {!inbox.isError && items.length === 0 && (
              <p className="px-3 py-6 text-center text-sm text-gray-500 dark:text-gray-400">Nothing yet. Issues assigned to you, and those you comment on, resolve or follow, tell you here what happens to them.</p>
            )}
            <ul className="max-h-[26rem] divide-y divide-gray-100 overflow-y-auto dark:divide-gray-800">
              {items.map((n) => (
                <li key={n.id}>
                  <Link
                    href={notificationHref(n)}
                    data-testid="notification-item"
                    onClick={() => {
                      if (!n.readAt) mark.mutate({ ids: [n.id] });
                      close();
                    }}
                    className={`block px-3 py-2.5 text-sm hover:bg-gray-50 dark:hover:bg-gray-800 ${n.readAt ? "text-gray-500 dark:text-gray-400" : "text-gray-900 dark:text-gray-100"}`}
                  >
                    <span className="flex items-start gap-2">
                      <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-blue-600"}`} />
                      <span className="min-w-0 flex-1">
                        <span className="line-clamp-2 break-words">{n.text}</span>
                        {/* An alert's sentence names its issue already. */}
                        {n.issue && n.kind !== "alert" && <span className="mt-0.5 block truncate font-mono text-xs text-gray-600 dark:text-gray-300">{issueTitle(n.issue, 200)}</span>}
                        <span className="mt-0.5 block text-xs text-gray-500 dark:text-gray-400">
                          {[n.issue?.projectName ?? n.alert?.projectName, formatDistanceToNowStrict(new Date(n.createdAt), { addSuffix: true })].filter(Boolean).join(" · ")}
                          {!n.readAt && <span className="sr-only"> · unread</span>}
                        </span>
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="border-t border-gray-200 px-3 py-2 text-right text-xs dark:border-gray-800">
              <Link href="/account#notifications" onClick={() => close()} className="text-blue-700 hover:underline dark:text-blue-400">
                Notification settings
              </Link>
            </div>
          </div>
        )}
      </PopoverPanel>
    </Popover>
  );
}
