"use client";

import { useCallback } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/**
 * A page's project filter, kept in its URL (`project=`), so a link or a reload keeps it and the
 * header can open the page on the project chosen on the dashboard: "" for all projects; an id that
 * is not one of `projects` (another workspace's, from an old link) is no filter.
 */
export function useProjectParam(projects: { id: string }[]): [string, (projectId: string) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const value = knownProjectId(projects, params.get("project"));
  const set = useCallback(
    (projectId: string) => {
      const next = new URLSearchParams(params.toString());
      if (projectId) next.set("project", projectId);
      else next.delete("project");
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
    [params, router, pathname],
  );
  return [value, set];
}

/** `raw` when it is one of `projects`, else "" (no filter): a project of another workspace, from an old link. */
export function knownProjectId(projects: { id: string }[], raw: string | null): string {
  return raw && projects.some((p) => p.id === raw) ? raw : "";
}
