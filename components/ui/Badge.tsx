import type { ReactNode } from "react";
import type { ErrorStatus } from "@/lib/domain/errorStatus";
import type { Severity } from "@/lib/domain/severity";

const SEVERITY_COLORS: Record<Severity, string> = {
  critical: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  high: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  medium: "bg-yellow-100 text-yellow-800 dark:bg-yellow-950 dark:text-yellow-300",
  low: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
};

// Error statuses, plus an alert's "active".
const STATUS_COLORS: Record<ErrorStatus | "active", string> = {
  active: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  new: "bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  acknowledged: "bg-purple-100 text-purple-800 dark:bg-purple-950 dark:text-purple-300",
  investigating: "bg-yellow-100 text-yellow-800 dark:bg-yellow-950 dark:text-yellow-300",
  resolved: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  ignored: "bg-gray-100 text-gray-700 dark:bg-gray-800 dark:text-gray-300",
};

const NEUTRAL = "bg-gray-100 text-gray-700 dark:bg-gray-800 dark:text-gray-300";

export function Badge({ className = NEUTRAL, children }: { className?: string; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>
      {children}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  const color = SEVERITY_COLORS[severity as Severity] ?? NEUTRAL;
  return (
    <Badge className={color}>
      <span className="sr-only">Severity: </span>
      {severity.toUpperCase()}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const color = STATUS_COLORS[status as ErrorStatus | "active"] ?? NEUTRAL;
  return (
    <Badge className={color}>
      <span className="sr-only">Status: </span>
      {status.toUpperCase()}
    </Badge>
  );
}
