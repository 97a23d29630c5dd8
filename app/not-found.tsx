import Link from "next/link";
import type { Metadata } from "next";
import { button } from "@/components/ui/buttonStyles";

export const metadata: Metadata = { title: "Page not found · Faultline" };

/** Every unknown path: where to go instead of the framework's bare 404. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-sm font-semibold text-red-600">404</p>
      <h1 className="text-xl font-semibold text-gray-900 dark:text-gray-100">This page does not exist</h1>
      <p className="max-w-md text-sm text-gray-600 dark:text-gray-400">
        The address may be mistyped, or the page moved. Issues are listed on the dashboard; each opens at <span className="font-mono">/errors/&lt;id&gt;</span>.
      </p>
      <Link href="/" className={button.primary}>
        Go to the dashboard
      </Link>
    </main>
  );
}
