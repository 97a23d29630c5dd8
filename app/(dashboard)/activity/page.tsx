import { Suspense } from "react";
import type { Metadata } from "next";
import { ActivityPage } from "@/components/activity/ActivityPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Activity · Faultline" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/activity", await searchParams));
  return (
    <Suspense>
      <ActivityPage />
    </Suspense>
  );
}
