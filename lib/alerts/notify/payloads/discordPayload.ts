import { chatFacts, chatTitlePrefix, truncate, type NotificationContext } from "@/lib/alerts/notify/notificationContext";
import type { Severity } from "@/lib/generated/prisma/enums";

/** The embed's left bar, by severity (Discord takes a 24-bit integer). */
const COLOR: Record<Severity, number> = { critical: 0xdc2626, high: 0xea580c, medium: 0xca8a04, low: 0x6b7280 };

/**
 * Discord's markdown: characters that would format, hide or link text are escaped (a backslash
 * before them shows them as they are), and so are a heading's or a list's mark at the start.
 */
export function escapeDiscord(text: string): string {
  return text.replace(/([\\*_~`|[\]<>])/g, "\\$1").replace(/^([#>-])/, "\\$1");
}

/**
 * A Discord webhook message (POST https://discord.com/api/webhooks/<id>/<token>): one embed with the
 * alert as its linked title, the error's message, and the facts as inline fields; within Discord's
 * limits (title 256, description 4096, field value 1024, 6000 in all). Mentions are switched off, so
 * an error message that says @everyone pings nobody.
 */
export function discordPayload(ctx: NotificationContext) {
  const { alert, error } = ctx;
  const fields = chatFacts(ctx, (value) => truncate(escapeDiscord(value), 200)).map((fact) => ({ ...fact, inline: true }));
  return {
    username: "Faultline",
    allowed_mentions: { parse: [] as string[] },
    embeds: [
      {
        title: truncate(`${chatTitlePrefix(ctx)}[${alert.severity.toUpperCase()}] ${alert.title}`, 256),
        ...(ctx.url && { url: ctx.url }),
        ...(error?.message && { description: truncate(escapeDiscord(error.message.replace(/\s+/g, " ")), 2000) }),
        color: COLOR[alert.severity],
        fields,
        footer: { text: truncate(`Faultline · ${ctx.workspace.name}${alert.count > 1 ? ` · ${alert.count} crossings` : ""}`, 200) },
        timestamp: alert.firedAt.toISOString(),
      },
    ],
  };
}
