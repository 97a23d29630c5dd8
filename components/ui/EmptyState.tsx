import type { ReactNode } from "react";

export function EmptyState({ title, children, className = "py-10" }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <div className={`px-4 text-center ${className}`}>
      <p className="text-sm font-medium text-gray-900 dark:text-gray-100">{title}</p>
      {children && <div className="mt-1 text-sm text-gray-500 dark:text-gray-400">{children}</div>}
    </div>
  );
}
