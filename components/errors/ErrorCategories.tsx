import { SeverityBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";
import { countOf, formatCount, formatPercent } from "@/lib/client/format";
import { otherTypes } from "@/lib/client/otherTypes";

type Categories = ErrorTracking["categories"];

/** Types listed by name; the rest are one "Other" line. */
const LISTED_TYPES = 8;

const TREND: Record<string, { icon: string; label: string; className: string }> = {
  increasing: { icon: "▲", label: "increasing", className: "text-red-600 dark:text-red-400" },
  decreasing: { icon: "▼", label: "decreasing", className: "text-green-600 dark:text-green-400" },
  stable: { icon: "→", label: "stable", className: "text-gray-400" },
};

/** Error types of the timeframe with their share and trend (the least frequent as one "Other" line), plus the split by source. */
export function ErrorCategories({ categories, onCategory }: { categories: Categories; onCategory: (category: string) => void }) {
  const sources = Object.entries(categories.bySource).filter(([, n]) => n > 0);
  const listed = categories.byType.slice(0, LISTED_TYPES);
  const other = otherTypes(listed, categories.typeCount, categories.total);
  return (
    <Card title="Categories" titleId="categories-title" bodyClassName="">
      {categories.byType.length === 0 ? (
        <EmptyState title="No errors in this timeframe" className="py-6" />
      ) : (
        <ul className="divide-y divide-gray-100 dark:divide-gray-800">
          {listed.map((t) => {
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
          {other && (
            <li className="flex items-center gap-3 px-4 py-2 text-sm sm:px-6" data-testid="categories-other">
              <p className="min-w-0 flex-1 truncate text-gray-600 dark:text-gray-400">Other ({countOf(other.types, "type")})</p>
              <span className="w-20 text-right tabular-nums text-gray-700 dark:text-gray-300">
                {formatCount(other.count)} <span className="text-xs text-gray-500 dark:text-gray-400">({formatPercent(other.percentage)})</span>
              </span>
              <span className="w-4" aria-hidden="true" />
            </li>
          )}
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
