"use client";

import { Disclosure, DisclosureButton, DisclosurePanel } from "@headlessui/react";
import { ChevronRightIcon } from "@/components/ui/Icons";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";

/** The group's context plus the latest event's environment, release, tags and metadata. */
export function ContextDetails({ error }: { error: ErrorDetails }) {
  const latest = error.recentOccurrences[0];
  const facts: [string, string | null | undefined][] = [
    ["Environment", latest?.environment],
    ["Release", latest?.release],
    ["User", latest?.userId],
    ["Agent", latest?.agentId],
    ["Run", latest?.runId],
    ["Platform", error.platform],
    ["Category", error.category],
    ["Source", error.source],
  ];
  const json = JSON.stringify({ context: error.context, tags: latest?.tags ?? {}, metadata: latest?.metadata ?? {} }, null, 2);

  return (
    <Disclosure as="div" className="border-t border-gray-200 dark:border-gray-800">
      <DisclosureButton className="group flex w-full items-center justify-between px-4 py-3 text-left hover:bg-gray-50 focus-visible:bg-gray-50 focus-visible:outline-none sm:px-6 dark:hover:bg-gray-800/60 dark:focus-visible:bg-gray-800/60">
        <span className="text-sm font-medium text-gray-900 dark:text-gray-100">Context &amp; metadata</span>
        <ChevronRightIcon className="h-5 w-5 text-gray-400 transition-transform group-data-[open]:rotate-90" />
      </DisclosureButton>
      <DisclosurePanel className="space-y-3 px-4 pb-4 sm:px-6">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          {facts
            .filter(([, v]) => v)
            .map(([label, value]) => (
              <div key={label} className="min-w-0">
                <dt className="text-xs text-gray-500 dark:text-gray-400">{label}</dt>
                <dd className="truncate text-gray-900 dark:text-gray-100">{value}</dd>
              </div>
            ))}
        </dl>
        <pre className="max-h-72 overflow-auto rounded bg-gray-50 p-3 text-xs text-gray-800 dark:bg-gray-950 dark:text-gray-200">{json}</pre>
      </DisclosurePanel>
    </Disclosure>
  );
}
