import { Suspense } from "react";
import type { Metadata } from "next";
import { ReleaseDetailPage } from "@/components/releases/ReleaseDetailPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";
import { decodedSegment } from "@/lib/http/decodedSegment";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ version: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodedSegment((await params).version)} · Releases · Faultline` };
}

export default async function ReleaseRoute({ params, searchParams }: Props) {
  const version = decodedSegment((await params).version);
  await currentUserOrRedirect(pathWithSearch(`/releases/${encodeURIComponent(version)}`, await searchParams));
  return (
    <Suspense>
      <ReleaseDetailPage version={version} />
    </Suspense>
  );
}
