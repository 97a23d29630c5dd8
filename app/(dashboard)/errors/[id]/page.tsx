import { Suspense } from "react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { IssuePage } from "@/components/issue/IssuePage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";
import { getIssueTitle } from "@/lib/errors/getIssueTitle";
import { findMergeTarget } from "@/lib/grouping/merge/findMergeTarget";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await currentUserOrRedirect(`/errors/${encodeURIComponent(id)}`);
  return { title: `${(await getIssueTitle(user, id)) ?? "Issue not found"} · Faultline` };
}

/**
 * An issue's page. One the caller cannot see answers 404 (the app's not-found page); one merged
 * since leads to the issue that holds its events now, which says so (`mergedFrom`).
 */
export default async function IssueRoute({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const user = await currentUserOrRedirect(pathWithSearch(`/errors/${encodeURIComponent(id)}`, search));
  if ((await getIssueTitle(user, id)) === null) {
    const mergedInto = await findMergeTarget(user, id);
    if (mergedInto) redirect(pathWithSearch(`/errors/${encodeURIComponent(mergedInto)}`, { ...search, mergedFrom: id }));
    notFound();
  }
  return (
    <Suspense>
      <IssuePage errorId={id} />
    </Suspense>
  );
}
