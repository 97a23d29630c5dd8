import { chatFacts, chatTitlePrefix, truncate, type NotificationContext } from "@/lib/alerts/notify/notificationContext";
import type { Severity } from "@/lib/generated/prisma/enums";

/** Adaptive Card text colours by severity. */
const COLOR: Record<Severity, "attention" | "warning" | "default"> = { critical: "attention", high: "warning", medium: "warning", low: "default" };

/**
 * Adaptive Card TextBlocks render a subset of Markdown and no backslash escapes: a zero-width space
 * after each mark keeps `**bold**`, `_italic_` and `[text](url)` links in an error message from
 * formatting (or linking) while showing the same characters.
 */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/([*_[\]])/g, "$1\u200b").replace(/^(\s*)([-+]|\d+\.)(\s)/, "$1$2\u200b$3");
}

/**
 * A Microsoft Teams message for a Workflows webhook ("post to a channel when a webhook request is
 * received", which replaced the retired Office 365 connectors): one Adaptive Card (schema 1.4) with
 * the alert as its heading, the error's message, the facts, and a button to the alert.
 */
export function teamsPayload(ctx: NotificationContext) {
  const { alert, error } = ctx;
  const facts = chatFacts(ctx, (value) => truncate(escapeCardMarkdown(value), 200)).map((fact) => ({ title: fact.name, value: fact.value }));
  const body: Record<string, unknown>[] = [
    { type: "TextBlock", text: truncate(escapeCardMarkdown(`${chatTitlePrefix(ctx)}[${alert.severity.toUpperCase()}] ${alert.title}`), 500), weight: "Bolder", size: "Medium", color: COLOR[alert.severity], wrap: true },
  ];
  if (error?.message) body.push({ type: "TextBlock", text: truncate(escapeCardMarkdown(error.message.replace(/\s+/g, " ")), 2000), wrap: true });
  body.push(
    { type: "FactSet", facts },
    { type: "TextBlock", text: truncate(`Faultline · ${escapeCardMarkdown(ctx.workspace.name)} · fired ${alert.firedAt.toISOString()}${alert.count > 1 ? ` · ${alert.count} crossings` : ""}`, 300), isSubtle: true, size: "Small", wrap: true },
  );
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          ...(ctx.url && { actions: [{ type: "Action.OpenUrl", title: "Open in Faultline", url: ctx.url }] }),
          msteams: { width: "Full" },
        },
      },
    ],
  };
}
