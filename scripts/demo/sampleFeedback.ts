import { storeNonEventItemsDirect } from "@/lib/intake/storeNonEventItems";
import { mapAttachment } from "@/lib/sentry/mapAttachment";
import { mapFeedbackEvent, mapUserReport } from "@/lib/sentry/mapUserFeedback";
import { mockScreenshot } from "@/scripts/demo/mockScreenshot";

/**
 * What the demo's users wrote, stored through the same code as real feedback: a crash-report
 * dialog's report on one event, a feedback-widget message with its screenshot on another, and a
 * message not tied to an error.
 */
export async function seedSampleFeedback(target: { workspaceId: string; projectId: string }, events: { eventId: string; groupId: string }[]): Promise<void> {
  const [first, second] = [...new Map(events.map((e) => [e.groupId, e])).values()];
  const widgetId = crypto.randomUUID().replaceAll("-", "");
  const widget = mapFeedbackEvent(
    {
      event_id: widgetId,
      contexts: { feedback: { message: "The checkout spinner never stops after I press Pay.", name: "Noor Haddad", contact_email: "noor@example.com", url: "https://shop.example/checkout", associated_event_id: second?.eventId } },
    },
    "demo",
  );
  await storeNonEventItemsDirect(target, {
    feedback: [
      ...(first ? [mapUserReport({ event_id: first.eventId, name: "Priya Raman", email: "priya@example.com", comments: "I clicked Save twice and the page went blank." }, "demo")] : []),
      widget,
      mapFeedbackEvent({ event_id: crypto.randomUUID().replaceAll("-", ""), contexts: { feedback: { message: "Would love to export the weekly report as CSV.", contact_email: "sam@example.com" } } }, "demo"),
    ],
    attachments: [mapAttachment({ filename: "screenshot.png", content_type: "image/png" }, mockScreenshot(), widgetId)!],
  }, new Date(), crypto.randomUUID());
}
