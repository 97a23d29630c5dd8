import type { Client } from "../core/client.js";
import type { FaultlineEvent } from "../core/types.js";

/**
 * The events a helper reports for one failure: the head (first failure) first, linked events after.
 * When the first failure's error was reported before (your code captured it, then a helper saw
 * it), that event is the head: it is not sent again, and `events` holds only the linked ones.
 */
export interface Report {
  headEventId: string;
  events: FaultlineEvent[];
  /** When the first failure happened (epoch ms): recovery durations count from here. */
  firstFailureAt: number;
}

/** What an enclosing helper finds on an error it caught. */
export type Adopted =
  /** An inner helper's report, not sent yet: the enclosing helper takes it over. */
  | { kind: "report"; report: Report }
  /** An inner helper's report already went out: link to it. */
  | { kind: "sent"; headEventId: string }
  /** Not worth a report (a call refused by an open circuit breaker). */
  | { kind: "suppressed" };

interface Mark {
  report: Report;
  sent: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

const marks = new WeakMap<object, Mark>();
const suppressed = new WeakSet<object>();

const isObject = (value: unknown): value is object => (typeof value === "object" && value !== null) || typeof value === "function";

/**
 * A helper that gives up rethrows the error and defers its report to the end of the current task:
 * a helper around it that catches the error (retry around timeout, fallback around retry…) adopts
 * the report and sends one report with the final outcome instead of two. Unadopted, it is sent.
 */
export function deferReport(client: Client, error: unknown, report: Report): void {
  if (!isObject(error)) return client.submit(report.events);
  client.markCaptured(error, report.headEventId);
  const mark: Mark = { report, sent: false };
  mark.timer = setTimeout(() => {
    if (mark.sent) return;
    mark.sent = true;
    client.submit(report.events);
  }, 0);
  marks.set(error, mark);
}

/** Takes over the deferred report of `error`, if an inner helper left one. */
export function adoptReport(error: unknown): Adopted | undefined {
  if (!isObject(error)) return undefined;
  if (suppressed.has(error)) return { kind: "suppressed" };
  const mark = marks.get(error);
  if (!mark) return undefined;
  if (mark.sent) return { kind: "sent", headEventId: mark.report.headEventId };
  mark.sent = true;
  if (mark.timer) clearTimeout(mark.timer);
  marks.delete(error);
  return { kind: "report", report: mark.report };
}

/** The head event of a report, when it is sent with the report (not one reported before). */
export function headOf(report: Report): FaultlineEvent | undefined {
  const first = report.events[0];
  return first && first.eventId === report.headEventId ? first : undefined;
}

/** Errors the helpers never report (they stand for a call that was not made). */
export function suppressReports(error: object): void {
  suppressed.add(error);
}
