"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { SeverityBadge, StatusBadge } from "@/components/ui/Badge";
import { XMarkIcon } from "@/components/ui/Icons";
import { AuditTrail } from "@/components/errors/AuditTrail";
import { ContextDetails } from "@/components/errors/ContextDetails";
import { ImpactAnalysis } from "@/components/errors/ImpactAnalysis";
import { ResolutionSummary } from "@/components/errors/ResolutionSummary";
import { SamplingNote } from "@/components/errors/SamplingNote";
import { StackTrace } from "@/components/errors/StackTrace";
import { formatCount } from "@/lib/client/format";
import type { ErrorDetails as ErrorDetailsData } from "@/lib/errors/getErrorDetails";
import { isLoggedMessage } from "@/lib/domain/issueTitle";
import { RelativeTime } from "@/components/ui/RelativeTime";

interface ErrorDetailsProps {
  error: ErrorDetailsData;
  onClose: () => void;
  /** The workflow controls, or a note for viewers; rendered below the impact analysis. */
  actions: ReactNode;
  /** Grouping sections (exception chain, similar issues, fingerprints); rendered below the stack trace. */
  grouping?: ReactNode;
}

function Relative({ iso }: { iso: string }) {
  return (
    <RelativeTime iso={iso} />
  );
}

/** Seed 002's details panel: badges, type and message, occurrence facts, trace, context, impact, workflow. */
export function ErrorDetails({ error, onClose, actions, grouping }: ErrorDetailsProps) {
  const facts: [string, ReactNode][] = [
    ["First seen", <Relative key="f" iso={error.firstSeen} />],
    ["Last seen", <Relative key="l" iso={error.lastSeen} />],
    ["Occurrences", <span key="o" data-testid="detail-occurrences" className="font-medium">{formatCount(error.occurrences)}</span>],
    ["Users affected", <span key="u" className="font-medium">{formatCount(error.impact.usersAffected)}</span>],
    ["Assignee", error.assignee ? error.assignee.name || error.assignee.email : error.assigneeTeam ? `Team ${error.assigneeTeam.name}` : "Unassigned"],
    ...(error.assignee && error.assigneeTeam ? [["Team", error.assigneeTeam.name] as [string, string]] : []),
    ["Category", error.category],
  ];

  return (
    <article aria-labelledby="error-details-title" data-testid="error-details" className="rounded-lg bg-white shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800">
      <div className="px-4 py-4 sm:px-6">
        <div className="flex items-start justify-between gap-2">
          <h2 id="error-details-title" className="text-lg font-semibold text-gray-900 dark:text-gray-100">
            Error details
          </h2>
          <button type="button" onClick={onClose} aria-label="Close details (Escape)" className="rounded p-1 text-gray-400 hover:bg-gray-100 hover:text-gray-600 dark:hover:bg-gray-800">
            <XMarkIcon />
          </button>
        </div>
        <div className="mb-3 mt-1 flex flex-wrap items-center gap-2">
          <SeverityBadge severity={error.severity} />
          <span data-testid="detail-status">
            <StatusBadge status={error.status} />
          </span>
          <Link href={`/errors/${error.errorId}`} className="ml-auto whitespace-nowrap text-xs font-medium text-blue-700 hover:underline dark:text-blue-400" data-testid="open-issue-page">
            Open issue page →
          </Link>
        </div>
        {isLoggedMessage(error) ? (
          <p className="break-words text-sm font-medium text-gray-800 dark:text-gray-200">{error.message}</p>
        ) : (
          <>
            <p className="break-all font-mono text-sm font-medium text-gray-800 dark:text-gray-200">{error.type}</p>
            <p className="mt-1 break-words text-sm text-gray-600 dark:text-gray-400">{error.message || "(no message)"}</p>
          </>
        )}
        <SamplingNote issue={error} className="mt-2" />
        {error.regressed && error.regressedAt && error.status === "new" && (
          <p className="mt-2 text-xs font-medium text-orange-700 dark:text-orange-400">
            Regressed <Relative iso={error.regressedAt} /> after being resolved
          </p>
        )}
        <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="min-w-0">
              <dt className="text-xs text-gray-500 dark:text-gray-400">{label}</dt>
              <dd className="truncate text-gray-900 dark:text-gray-100">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <StackTrace stackTrace={error.stackTrace} platform={error.platform} />
      {grouping}
      <ContextDetails error={error} />
      <ImpactAnalysis impact={error.impact} />
      <ResolutionSummary error={error} />
      {actions}
      <AuditTrail audit={error.audit} />
    </article>
  );
}
