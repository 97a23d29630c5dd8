import type { ReactNode } from "react";

interface CardProps {
  title?: ReactNode;
  /** Visible heading id, so sections can be landmarks (`aria-labelledby`). */
  titleId?: string;
  actions?: ReactNode;
  className?: string;
  bodyClassName?: string;
  children: ReactNode;
}

/** A white (or dark) rounded panel with an optional heading row. */
export function Card({ title, titleId, actions, className = "", bodyClassName = "p-4 sm:p-6", children }: CardProps) {
  return (
    <section
      aria-labelledby={title ? titleId : undefined}
      className={`rounded-lg bg-white shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800 ${className}`}
    >
      {(title || actions) && (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-gray-200 px-4 py-3 sm:px-6 dark:border-gray-800">
          {title && (
            <h2 id={titleId} className="scroll-mt-4 text-base font-semibold text-gray-900 dark:text-gray-100">
              {title}
            </h2>
          )}
          {actions}
        </div>
      )}
      <div className={bodyClassName}>{children}</div>
    </section>
  );
}
