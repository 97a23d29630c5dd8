"use client";

import { useSyncExternalStore } from "react";
import { input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { useToast } from "@/components/ui/Toast";
import { useAccountQuery, useUpdateAccountMutation } from "@/lib/client/hooks/useAccountQuery";
import { browserTimeZone } from "@/lib/client/hooks/useTimeZone";
import { LOCAL_TIME_ZONE } from "@/lib/domain/timeZone";

/** The select's value for "no preference" (UTC): a select cannot hold null. */
const UTC_CHOICE = "";

const noSubscription = () => () => {};
let browserZones: { zone: string; zones: string[] } | null = null;
/** The browser's zone and every zone it knows, read once (a stable snapshot). */
const readBrowserZones = () => (browserZones ??= { zone: browserTimeZone(), zones: Intl.supportedValuesOf("timeZone") });

/**
 * How times are shown to you: UTC (the default a team reading times to each other shares), each browser's
 * own zone, or a named zone. Saved as soon as it is chosen.
 */
export function TimeZoneField() {
  const account = useAccountQuery();
  const update = useUpdateAccountMutation();
  const { showToast } = useToast();
  // The server renders without the browser's zone and list; the client reads them after hydration.
  const browser = useSyncExternalStore(noSubscription, readBrowserZones, () => null);

  const saved = account.data?.timeZone ?? UTC_CHOICE;
  // While it saves, the select shows the zone chosen, not the one saved before.
  const value = update.isPending ? (update.variables.timeZone ?? UTC_CHOICE) : saved;
  const zones = browser ? [...new Set([...browser.zones, ...(saved && saved !== LOCAL_TIME_ZONE ? [saved] : [])])].filter((z) => z !== "UTC") : [];

  async function choose(next: string) {
    try {
      await update.mutateAsync({ timeZone: next === UTC_CHOICE ? null : next });
      showToast("Time zone saved", "success");
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not save");
    }
  }

  return (
    <FormField label="Time zone" hint="Times and hour labels across Faultline. Daily charts count UTC days in every zone.">
      <select value={value} onChange={(e) => void choose(e.target.value)} disabled={!account.data || update.isPending} className={`${input} w-full`} data-testid="time-zone">
        <option value={UTC_CHOICE}>UTC</option>
        <option value={LOCAL_TIME_ZONE}>This browser&apos;s zone{browser ? ` (${browser.zone})` : ""}</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </select>
    </FormField>
  );
}
