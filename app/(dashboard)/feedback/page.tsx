import { Suspense } from "react";
import type { Metadata } from "next";
import { FeedbackPage } from "@/components/feedback/FeedbackPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Feedback · Faultline" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/feedback", await searchParams));
  return (
    <Suspense>
      <FeedbackPage />
    </Suspense>
  );
}
