import type { Metadata } from "next";
import { NotFoundPage } from "@/components/ui/NotFoundPage";

export const metadata: Metadata = { title: "Page not found · Faultline" };

/** Every unknown path: where to go instead of the framework's bare 404. */
export default function NotFound() {
  return (
    <NotFoundPage title="This page does not exist" href="/" linkLabel="Go to the dashboard">
      The address may be mistyped, or the page moved. Issues are listed on the dashboard; each opens at <span className="font-mono">/errors/&lt;id&gt;</span>.
    </NotFoundPage>
  );
}
