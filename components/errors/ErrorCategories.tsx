import { SeverityBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";
import { formatCount, formatPercent } from "@/lib/client/format";

type Categories = ErrorTracking["categories"];

const TREND: Record<string, { icon: string; label: string; className: string }> = {
  increasing: { icon: "▲", label: "increasing", className: "text-red-600 dark:text-red-400" },
  decreasing: { icon: "▼", label: "decreasing", className: "text-green-600 dark:text-green-400" },
  stable: { icon: "→", label: "stable", className: "text-gray-400" },
};

/** Error types of the timeframe with their share and trend, plus the split by source. */
export function ErrorCategories({ categories, onCategory }: { categories: Categories; onCategory: (category: string) => void }) {
  const sources = Object.entries(categories.bySource).filter(([, n]) => n > 0);
  return (
    <Card title="Categories" titleId="categories-title" bodyClassName="">
      {categories.byType.length === 0 ? (
        <EmptyState title="No errors in this timeframe" className="py-6" />
      ) : (
        <ul className="divide-y divide-gray-100 dark:divide-gray-800">
          {categories.byType.slice(0, 8).map((t) => {
            const trend = TREND[t.trend] ?? TREND.stable;
            return (
              <li key={`${t.type}-${t.category}`} className="flex items-center gap-3 px-4 py-2 text-sm sm:px-6">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-mono text-gray-900 dark:text-gray-100">{t.type}</p>
                  <button type="button" onClick={() => onCategory(t.category)} className="text-xs text-blue-700 hover:underline dark:text-blue-400">
                    {t.category}
                  </button>
                </div>
                <SeverityBadge severity={t.severity} />
                <span className="w-20 text-right tabular-nums text-gray-700 dark:text-gray-300">
                  {formatCount(t.count)} <span className="text-xs text-gray-500 dark:text-gray-400">({formatPercent(t.percentage)})</span>
                </span>
                <span className={`w-4 text-center ${trend.className}`} title={trend.label}>
                  <span aria-hidden="true">{trend.icon}</span>
                  <span className="sr-only">{trend.label}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {sources.length > 0 && (
        <p className="border-t border-gray-100 px-4 py-2 text-xs text-gray-500 sm:px-6 dark:border-gray-800 dark:text-gray-400">
          By source: {sources.map(([s, n]) => `${s} ${formatCount(n)}`).join(" · ")}
        </p>
      )}
    </Card>
  );
}
