import { Suspense } from "react";
import type { Metadata } from "next";
import { IssuePage } from "@/components/issue/IssuePage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";
import { getIssueTitle } from "@/lib/errors/getIssueTitle";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await currentUserOrRedirect(`/errors/${encodeURIComponent(id)}`);
  return { title: `${(await getIssueTitle(user, id)) ?? "Issue not found"} · Faultline` };
}

export default async function IssueRoute({ params, searchParams }: Props) {
  const { id } = await params;
  await currentUserOrRedirect(pathWithSearch(`/errors/${encodeURIComponent(id)}`, await searchParams));
  return (
    <Suspense>
      <IssuePage errorId={id} />
    </Suspense>
  );
}
