"use client";

import { formatDistanceToNow } from "date-fns";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useForwardingDeliveriesQuery } from "@/lib/client/hooks/useForwardingDeliveriesQuery";
import { RelativeTime } from "@/components/ui/RelativeTime";

const STATUS_COLORS: Record<string, string> = {
  delivered: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  pending: "bg-yellow-100 text-yellow-800 dark:bg-yellow-950 dark:text-yellow-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

/** The newest forwarded copies: which event went where, how often it was tried, why it failed. */
export function ForwardingDeliveryLog({ projectId }: { projectId: string }) {
  const deliveries = useForwardingDeliveriesQuery(projectId);
  const items = deliveries.data?.items ?? [];

  return (
    <Card title="Forwarding log" titleId="forwarding-log-title" bodyClassName="px-4 py-2 sm:px-6">
      {deliveries.isLoading ? (
        <LoadingState label="Loading forwarded copies…" className="py-6" />
      ) : deliveries.error && !deliveries.data ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} className="py-6" />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing forwarded yet" className="py-6">
          Copies sent by forwarding rules appear here.
        </EmptyState>
      ) : (
        <ul data-testid="forwarding-delivery-list" className="divide-y divide-gray-100 dark:divide-gray-800">
          {items.map((d) => (
            <li key={d.id} data-testid="forwarding-delivery-row" className="space-y-1 py-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <Badge className={STATUS_COLORS[d.status]}>
                  <span className="sr-only">Status: </span>
                  {d.status}
                </Badge>
                <span className="min-w-0 font-medium break-words text-gray-900 dark:text-gray-100">
                  {d.type}
                  {d.message && <span className="font-normal text-gray-600 dark:text-gray-300">: {d.message}</span>}
                </span>
              </p>
              <p className="text-xs text-gray-500 dark:text-gray-400">
                <RelativeTime iso={d.createdAt} />
                {` · ${d.rule.name} (${d.rule.kind}) · ${d.attempts} attempt${d.attempts === 1 ? "" : "s"}`}
                {d.responseStatus !== null && ` · HTTP ${d.responseStatus}`}
                {d.nextAttemptAt && ` · next try ${formatDistanceToNow(new Date(d.nextAttemptAt), { addSuffix: true })}`}
              </p>
              {d.lastError && <p className="font-mono text-xs text-red-700 dark:text-red-400">Last error: {d.lastError}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
