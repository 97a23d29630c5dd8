"use client";

import { useState, type FormEvent } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { readHeaderLines, RequestHeadersField } from "@/components/crons/RequestHeadersField";
import { UptimeCheckFields, uptimeCheckDraft, uptimeCheckInput } from "@/components/crons/UptimeCheckFields";
import { useUpdateMonitorMutation } from "@/lib/client/hooks/useMonitorsQuery";
import type { MonitorListItem } from "@/lib/crons/listMonitors";
import { INTERVAL_UNITS, UpdateMonitorSchema, type IntervalUnit, type MonitorSchedule } from "@/lib/crons/monitorConfig";
import { headerLines } from "@/lib/crons/uptime/headerLines";

type ScheduleKind = "none" | MonitorSchedule["type"];

/** The form's draft: text as typed, validated with the API's own schema on save. */
function draftOf(monitor: MonitorListItem) {
  const schedule = monitor.scheduleConfig;
  return {
    kind: (schedule?.type ?? "none") as ScheduleKind,
    crontab: schedule?.type === "crontab" ? schedule.value : "0 * * * *",
    every: schedule?.type === "interval" ? String(schedule.value) : "1",
    unit: schedule?.type === "interval" ? schedule.unit : ("hour" as IntervalUnit),
    timezone: monitor.timezone,
    checkinMargin: String(monitor.checkinMargin),
    maxRuntime: String(monitor.maxRuntime),
    failureIssueThreshold: String(monitor.failureIssueThreshold),
    recoveryThreshold: String(monitor.recoveryThreshold),
    muted: monitor.muted,
    url: monitor.url ?? "",
    check: uptimeCheckDraft(monitor.uptimeCheck ?? undefined),
    headers: headerLines(monitor.headers ?? {}),
  };
}

/** Edits a monitor's schedule, zone, margin, max runtime, thresholds and mute (an uptime monitor's check too); errors are shown on their fields. */
export function EditMonitorDialog({ monitor, workspaceId, canChangeUrl, open, onClose }: {
  monitor: MonitorListItem;
  workspaceId: string;
  /** Admins change an uptime monitor's URL. */
  canChangeUrl: boolean;
  open: boolean;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(monitor));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useUpdateMonitorMutation(workspaceId);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const headers = readHeaderLines(draft.headers);
    if ("error" in headers) {
      setErrors({ headers: headers.error });
      return;
    }
    const schedule = draft.kind === "none" ? null : draft.kind === "crontab" ? { type: "crontab", value: draft.crontab } : { type: "interval", value: Number(draft.every), unit: draft.unit };
    const parsed = UpdateMonitorSchema.safeParse({
      schedule,
      timezone: draft.timezone.trim(),
      checkinMargin: Number(draft.checkinMargin),
      maxRuntime: Number(draft.maxRuntime),
      failureIssueThreshold: Number(draft.failureIssueThreshold),
      recoveryThreshold: Number(draft.recoveryThreshold),
      muted: draft.muted,
      // Sent only when changed: the URL shown has any password masked.
      ...(monitor.url !== null && draft.url.trim() !== monitor.url && { url: draft.url.trim() }),
      ...(monitor.url !== null && { uptimeCheck: uptimeCheckInput(draft.check) }),
      // Admins only, and only when changed: masked values keep what is stored.
      ...(monitor.url !== null && canChangeUrl && draft.headers !== headerLines(monitor.headers ?? {}) && { headers: headers.headers }),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])));
      return;
    }
    setErrors({});
    update.mutate({ monitorId: monitor.id, changes: parsed.data }, { onSuccess: onClose });
  }

  const error = (path: string) => errors[path] ?? null;
  return (
    <ModalDialog open={open} title={`Edit ${monitor.slug} (${monitor.environment})`} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        {monitor.url !== null && (
          <FormField label="URL" error={error("url")}>
            <input className={`${input} w-full font-mono`} value={draft.url} disabled={!canChangeUrl} onChange={(e) => set("url", e.target.value)} />
          </FormField>
        )}
        <FormField label="Schedule" error={error("schedule") ?? error("schedule.value") ?? error("schedule.unit")}>
          <div className="flex flex-wrap gap-2">
            <select aria-label="Schedule type" className={input} value={draft.kind} onChange={(e) => set("kind", e.target.value as ScheduleKind)}>
              <option value="crontab">Crontab</option>
              <option value="interval">Interval</option>
              {monitor.url === null && <option value="none">None (no missed-run detection)</option>}
            </select>
            {draft.kind === "crontab" && (
              <input aria-label="Crontab" className={`${input} w-40 font-mono`} value={draft.crontab} onChange={(e) => set("crontab", e.target.value)} />
            )}
            {draft.kind === "interval" && (
              <>
                <input aria-label="Every" type="number" min={1} className={`${input} w-20`} value={draft.every} onChange={(e) => set("every", e.target.value)} />
                <select aria-label="Unit" className={input} value={draft.unit} onChange={(e) => set("unit", e.target.value as IntervalUnit)}>
                  {INTERVAL_UNITS.map((unit) => (
                    <option key={unit} value={unit}>
                      {unit}s
                    </option>
                  ))}
                </select>
              </>
            )}
          </div>
        </FormField>
        {monitor.url !== null && <RequestHeadersField value={draft.headers} onChange={(v) => set("headers", v)} disabled={!canChangeUrl} error={error("headers")} />}
        {monitor.url !== null && <UptimeCheckFields draft={draft.check} onChange={(check) => set("check", check)} error={error} prefix="uptimeCheck" canChangeRequest={canChangeUrl} />}
        <FormField label="Time zone" hint="IANA name, e.g. Europe/Berlin" error={error("timezone")}>
          <input className={`${input} w-full`} value={draft.timezone} onChange={(e) => set("timezone", e.target.value)} />
        </FormField>
        <div className="grid grid-cols-2 gap-3">
          <FormField label="Margin (min)" error={error("checkinMargin")}>
            <input type="number" min={0} className={`${input} w-full`} value={draft.checkinMargin} onChange={(e) => set("checkinMargin", e.target.value)} />
          </FormField>
          <FormField label="Max runtime (min)" error={error("maxRuntime")}>
            <input type="number" min={1} className={`${input} w-full`} value={draft.maxRuntime} onChange={(e) => set("maxRuntime", e.target.value)} />
          </FormField>
          <FormField label="Failures before an issue" error={error("failureIssueThreshold")}>
            <input type="number" min={1} className={`${input} w-full`} value={draft.failureIssueThreshold} onChange={(e) => set("failureIssueThreshold", e.target.value)} />
          </FormField>
          <FormField label="Successes to recover" error={error("recoveryThreshold")}>
            <input type="number" min={1} className={`${input} w-full`} value={draft.recoveryThreshold} onChange={(e) => set("recoveryThreshold", e.target.value)} />
          </FormField>
        </div>
        <label className="flex items-center gap-2 text-sm text-gray-700 dark:text-gray-300">
          <input type="checkbox" checked={draft.muted} onChange={(e) => set("muted", e.target.checked)} />
          Muted: keep recording runs, raise no issues
        </label>
        {update.error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {update.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2 pt-1">
          <button type="button" className={button.secondary} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={button.primary} disabled={update.isPending}>
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
