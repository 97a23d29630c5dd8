"use client";

import { Radio, RadioGroup } from "@headlessui/react";
import { input } from "@/components/ui/buttonStyles";
import { ProjectFilter } from "@/components/ui/ProjectFilter";
import { SEVERITY_FILTERS, type SeverityFilter } from "@/lib/domain/severity";
import { TIMEFRAME_LABELS, TIMEFRAME_SHORT } from "@/lib/client/timeframes";
import { WIDEST_TIMEFRAME, type ListTimeframe } from "@/lib/domain/timeframe";
import type { Me } from "@/lib/workspaces/getMe";

interface DashboardFiltersProps {
  timeframe: ListTimeframe;
  /** The timeframes offered: the dashboard's, or the Issues page's (with all time). */
  timeframes: readonly ListTimeframe[];
  severity: SeverityFilter;
  projects: Me["workspaces"][number]["projects"];
  /** "" for all projects. */
  projectId: string;
  /** The workspace's most frequent environments. */
  environments: string[];
  /** "" for every environment. */
  environment: string;
  onTimeframeChange: (tf: ListTimeframe) => void;
  onSeverityChange: (severity: SeverityFilter) => void;
  onProjectChange: (projectId: string) => void;
  onEnvironmentChange: (environment: string) => void;
}

/** What the whole page shows: the timeframe, a severity, and (where there is a choice) a project and an environment. */
export function DashboardFilters(props: DashboardFiltersProps) {
  const { timeframe, timeframes, severity, projects, projectId, environments, environment, onTimeframeChange, onSeverityChange, onProjectChange, onEnvironmentChange } = props;
  // The chosen environment stays offered even when it is no longer among the most frequent.
  const envOptions = environment && !environments.includes(environment) ? [environment, ...environments] : environments;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {/* As wide as their longest name, up to the row's width (an environment name may take 64 characters). */}
      <ProjectFilter projects={projects} value={projectId} onChange={onProjectChange} className={`${input} max-w-full py-1`} />
      {envOptions.length > 1 || environment ? (
        <select aria-label="Environment" value={environment} onChange={(e) => onEnvironmentChange(e.target.value)} className={`${input} max-w-full py-1`}>
          <option value="">All environments</option>
          {envOptions.map((env) => (
            <option key={env} value={env}>
              {env}
            </option>
          ))}
        </select>
      ) : null}
      <RadioGroup
        value={timeframe}
        onChange={onTimeframeChange}
        aria-label="Timeframe"
        className="inline-flex rounded-md bg-white p-0.5 shadow-sm ring-1 ring-gray-300 dark:bg-gray-900 dark:ring-gray-700"
      >
        {timeframes.map((tf) => (
          <Radio
            key={tf}
            value={tf}
            aria-label={TIMEFRAME_LABELS[tf]}
            title={tf === "all" ? `Every issue, however long ago it was last seen (events and sparklines: ${TIMEFRAME_LABELS[WIDEST_TIMEFRAME].toLowerCase()})` : undefined}
            className="cursor-pointer rounded px-3 py-1 text-sm font-medium text-gray-600 focus:outline-none data-[checked]:bg-blue-600 data-[checked]:text-white data-[focus]:ring-2 data-[focus]:ring-blue-500 dark:text-gray-300"
          >
            {TIMEFRAME_SHORT[tf]}
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
