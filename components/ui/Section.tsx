import type { ReactNode } from "react";

/** A titled block inside a page column: the event viewer's sections, the sidebar's panels. */
export function Section({ title, id, actions, children, className = "" }: { title: ReactNode; id: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`rounded-lg bg-white shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800 ${className}`}>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-gray-200 px-4 py-2.5 dark:border-gray-800">
        <h2 id={id} className="text-sm font-semibold text-gray-900 dark:text-gray-100">
          {title}
        </h2>
        {actions}
      </div>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}
