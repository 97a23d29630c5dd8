"use client";

import { Radio, RadioGroup } from "@headlessui/react";
import { input } from "@/components/ui/buttonStyles";
import { SEVERITY_FILTERS, type SeverityFilter } from "@/lib/domain/severity";
import { TIMEFRAME_LABELS } from "@/lib/client/timeframes";
import { TIMEFRAMES, type Timeframe } from "@/lib/domain/timeframe";

interface DashboardFiltersProps {
  timeframe: Timeframe;
  severity: SeverityFilter;
  onTimeframeChange: (tf: Timeframe) => void;
  onSeverityChange: (severity: SeverityFilter) => void;
}

export function DashboardFilters({ timeframe, severity, onTimeframeChange, onSeverityChange }: DashboardFiltersProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <RadioGroup
        value={timeframe}
        onChange={onTimeframeChange}
        aria-label="Timeframe"
        className="inline-flex rounded-md bg-white p-0.5 shadow-sm ring-1 ring-gray-300 dark:bg-gray-900 dark:ring-gray-700"
      >
        {TIMEFRAMES.map((tf) => (
          <Radio
            key={tf}
            value={tf}
            aria-label={TIMEFRAME_LABELS[tf]}
            className="cursor-pointer rounded px-3 py-1 text-sm font-medium text-gray-600 focus:outline-none data-[checked]:bg-blue-600 data-[checked]:text-white data-[focus]:ring-2 data-[focus]:ring-blue-500 dark:text-gray-300"
          >
            {tf}
          </Radio>
        ))}
      </RadioGroup>
      <label className="flex items-center gap-2 text-sm text-gray-600 dark:text-gray-300">
        <span>Severity</span>
        <select
          value={severity}
          onChange={(e) => onSeverityChange(e.target.value as SeverityFilter)}
          className={`${input} py-1`}
        >
          {SEVERITY_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s === "all" ? "All severities" : s[0].toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
