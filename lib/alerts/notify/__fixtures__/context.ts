import type { NotificationContext } from "@/lib/alerts/notify/notificationContext";

/** A critical alert on one error, as the delivery worker would build it. */
export function sampleContext(overrides: Partial<NotificationContext> = {}): NotificationContext {
  return {
    stage: "initial",
    alert: {
      id: "0190a000-0000-7000-8000-000000000001",
      title: "Critical error: PaymentError: charge <failed> & retried",
      severity: "critical",
      status: "active",
      ruleName: "Critical error",
      ruleKind: "severity_count",
      value: 1,
      threshold: 1,
      count: 1,
      firedAt: new Date("2026-01-01T10:00:00.000Z"),
      acknowledgedAt: null,
      resolvedAt: null,
      resolution: null,
    },
    error: {
      id: "0190a000-0000-8000-8000-0000000000e1",
      type: "PaymentError",
      message: "charge <failed> & retried",
      category: "payment",
      status: "new",
      occurrences: 3,
      firstSeen: new Date("2026-01-01T09:59:00.000Z"),
      lastSeen: new Date("2026-01-01T10:00:00.000Z"),
    },
    project: { id: "p1", name: "checkout" },
    workspace: { id: "w1", name: "Acme" },
    url: "https://faultline.example.com/errors/0190a000-0000-8000-8000-0000000000e1?alert=0190a000-0000-7000-8000-000000000001",
    sentAt: new Date("2026-01-01T10:00:01.000Z"),
    ...overrides,
  };
}
