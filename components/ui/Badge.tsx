import type { ReactNode } from "react";
import { NEUTRAL_BADGE, SEVERITY_BADGE, STATUS_BADGE } from "@/lib/client/badgeColors";
import type { ErrorStatus } from "@/lib/domain/errorStatus";
import type { Severity } from "@/lib/domain/severity";

export function Badge({ className = NEUTRAL_BADGE, title, children }: { className?: string; title?: string; children: ReactNode }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>
      {children}
    </span>
  );
}

/** Solid, warm colours: how bad. */
export function SeverityBadge({ severity }: { severity: string }) {
  const color = SEVERITY_BADGE[severity as Severity] ?? NEUTRAL_BADGE;
  return (
    <Badge className={color}>
      <span className="sr-only">Severity: </span>
      {severity.toUpperCase()}
    </Badge>
  );
}

/** Outlined, cool colours: where it is in the workflow. */
export function StatusBadge({ status }: { status: string }) {
  const color = STATUS_BADGE[status as ErrorStatus | "active"] ?? NEUTRAL_BADGE;
  return (
    <Badge className={color}>
      <span className="sr-only">Status: </span>
      {status.toUpperCase()}
    </Badge>
  );
}
