import { Suspense } from "react";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { ErrorTrackingDashboard } from "@/components/dashboard/ErrorTrackingDashboard";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  await currentUserOrRedirect("/");
  return (
    <Suspense>
      <ErrorTrackingDashboard />
    </Suspense>
  );
}
