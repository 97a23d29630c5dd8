import Link from "next/link";
import type { ReactNode } from "react";
import { button } from "@/components/ui/buttonStyles";

/** The app's 404 page: what was not found, why it may be, and where to go instead. */
export function NotFoundPage({ title, children, href, linkLabel }: { title: string; children: ReactNode; href: string; linkLabel: string }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-sm font-semibold text-red-600">404</p>
      <h1 className="text-xl font-semibold text-gray-900 dark:text-gray-100">{title}</h1>
      <p className="max-w-md text-sm text-gray-600 dark:text-gray-400">{children}</p>
      <Link href={href} className={button.primary}>
        {linkLabel}
      </Link>
    </main>
  );
}
