"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { button } from "@/components/ui/buttonStyles";

/** In place of a page of a workspace `?ws=` names that is not one of the person's: no other workspace passed off as it. */
export function UnknownWorkspaceNotice({ fallback }: { fallback: { id: string; name: string } }) {
  const pathname = usePathname();
  return (
    <div role="region" aria-label="Workspace not found" data-testid="unknown-workspace" className="mx-auto max-w-lg space-y-3 rounded-lg bg-amber-50 p-6 text-center ring-1 ring-amber-200 dark:bg-amber-950/30 dark:ring-amber-900">
      <p className="text-base font-semibold text-gray-900 dark:text-gray-100">You are not a member of that workspace (or it does not exist)</p>
      <p className="text-sm text-gray-700 dark:text-gray-300">The link names a workspace you cannot open: you may have left it, it may have been deleted, or it belongs to someone else. Ask one of its admins for an invitation.</p>
      <Link href={`${pathname}?ws=${encodeURIComponent(fallback.id)}`} className={button.primary}>
        Open {fallback.name}
      </Link>
    </div>
  );
}
