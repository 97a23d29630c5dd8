import type { Report } from "@/lib/reports/getReport";
import { issueTitle } from "@/lib/domain/issueTitle";

/** The report as Markdown (GitHub tables), for pasting into a ticket, a wiki or an email. Pure. */
export function reportMarkdown(report: Report): string {
  const t = report.totals;
  const lines = [
    `# Error report: ${inline(report.workspace.name)}${report.project ? ` · ${inline(report.project.name)}` : ""}`,
    "",
    `Window: ${report.window.since} → ${report.window.until} (UTC, whole hours). Generated ${report.generatedAt}.`,
    "",
    "## Totals",
    "",
    table(
      ["Metric", "Value"],
      [
        ["Events", n(t.events)],
        ["Critical events", n(t.criticalEvents)],
        ["Issues with events", n(t.active)],
        ["New issues", n(t.new)],
        ["Resolved issues", n(t.resolved)],
        ["Regressed issues", n(t.regressed)],
        ["Still unresolved", n(t.unresolved)],
        ["Affected users", n(t.affectedUsers)],
      ],
    ),
    "",
    "## Top errors",
    "",
    report.topErrors.length === 0
      ? "No events in this window."
      : table(
          ["#", "Error", "Severity", "Status", "Category", "Events", "Users"],
          report.topErrors.map((e, i) => [String(i + 1), issueTitle(e, 140), e.severity, e.status, e.category, n(e.events), n(e.users)]),
        ),
    "",
    "## Categories",
    "",
    report.categories.length === 0 ? "No events in this window." : table(["Category", "Events", "Issues"], report.categories.map((c) => [c.category, n(c.events), n(c.issues)])),
    "",
    "## Severities",
    "",
    report.severities.length === 0 ? "No events in this window." : table(["Severity", "Events"], report.severities.map((s) => [s.severity, n(s.events)])),
    "",
    "## Resolution times",
    "",
    report.resolutionTimes.overall.count === 0
      ? "No issue was resolved in this window."
      : table(
          ["Category", "Resolved", "Mean", "Median", "p90"],
          [
            ["All", ...durations(report.resolutionTimes.overall)],
            ...report.resolutionTimes.byCategory.map((c) => [c.category, ...durations(c)]),
          ],
        ),
    "",
  ];
  return lines.join("\n");
}

function durations(d: { count: number; meanSeconds: number | null; medianSeconds: number | null; p90Seconds: number | null }): string[] {
  return [n(d.count), duration(d.meanSeconds), duration(d.medianSeconds), duration(d.p90Seconds)];
}

export function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

function table(head: string[], rows: string[][]): string {
  return [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

/** Table cells: one line, pipes and backslashes escaped, HTML-ish brackets defused. */
function cell(text: string): string {
  return inline(text).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

function inline(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/</g, "&lt;").replace(/>/g, "&gt;").trim();
}

const integer = new Intl.NumberFormat("en-US");
function n(value: number): string {
  return integer.format(value);
}
