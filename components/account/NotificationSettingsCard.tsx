"use client";

import { input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { useToast } from "@/components/ui/Toast";
import { MutedProjectsField } from "@/components/account/MutedProjectsField";
import { useNotificationSettingsQuery, useUpdateNotificationSettingsMutation } from "@/lib/client/hooks/useNotificationsQuery";
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_DELIVERY_LABELS,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  NotificationDeliverySchema,
} from "@/lib/notifications/notificationKinds";

/** Per kind of notification: off, in Faultline's inbox, or also by email. */
export function NotificationSettingsCard() {
  const settings = useNotificationSettingsQuery();
  const { showToast } = useToast();
  const update = useUpdateNotificationSettingsMutation(showToast);
  const prefs = settings.data?.preferences;

  return (
    <Card title="Notifications" titleId="notifications">
      <p className="mb-4 text-sm text-gray-600 dark:text-gray-300">
        You take part in an issue when it is assigned to you or your team, or when you comment on it, resolve it or follow it. Alerts reach you when an admin routes them to a “Faultline members” channel that names you, your team or the issue&apos;s assignee. Your own actions never notify you.
        {settings.data && !settings.data.emailAvailable && " This server sends no email (SMTP_URL is not set): “by email” arrives in Faultline only."}
      </p>
      {prefs && (
        <table className="w-full text-sm">
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {NOTIFICATION_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row" className="py-2 pr-3 text-left font-normal text-gray-800 dark:text-gray-200">
                  <label htmlFor={`notify-${kind}`}>{NOTIFICATION_KIND_LABELS[kind]}</label>
                </th>
                <td className="py-2 text-right">
                  <select
                    id={`notify-${kind}`}
                    value={prefs[kind]}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate({ [kind]: NotificationDeliverySchema.parse(e.target.value) })}
                    className={`${input} w-full sm:w-56`}
                  >
                    {NOTIFICATION_DELIVERIES.map((d) => (
                      <option key={d} value={d}>
                        {NOTIFICATION_DELIVERY_LABELS[d]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {settings.data && (
        <label className="mt-4 flex items-start gap-2 border-t border-gray-100 pt-4 text-sm text-gray-800 dark:border-gray-800 dark:text-gray-200">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={settings.data.weeklyReport}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ weeklyReport: e.target.checked })}
          />
          <span>
            Weekly report by email
            <span className="block text-xs text-gray-500 dark:text-gray-400">Each workspace&apos;s week on Monday morning (UTC): events against the week before, the top issues, and your open ones.</span>
          </span>
        </label>
      )}
      {settings.data && (
        <MutedProjectsField
          // The boxes show the requested list from the click on (the saved settings follow a tick later).
          mutedProjectIds={(update.isPending ? update.variables?.mutedProjectIds : undefined) ?? settings.data.mutedProjectIds}
          disabled={update.isPending}
          onChange={(mutedProjectIds) => update.mutate({ mutedProjectIds })}
        />
      )}
    </Card>
  );
}
