import { randomUUID } from "node:crypto";
import { auditData } from "@/lib/alerts/auditData";
import { findVisibleChannel } from "@/lib/alerts/channels/findVisibleChannel";
import type { NotificationContext } from "@/lib/alerts/notify/notificationContext";
import { sendNotification } from "@/lib/alerts/notify/sendNotification";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

export interface TestNotificationResult {
  ok: boolean;
  /** HTTP status or SMTP reply code from the receiver, when there was one. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POST /api/v1/channels/:id/test (admins): sends one notification about a made-up alert to the
 * channel right now, exactly as a real one would go (same format, same signature), marked as a test
 * (`event: "test"` and `X-Faultline-Test: 1` on webhooks). Nothing is queued or retried; the
 * receiver's answer is returned. Works on disabled channels too, so one can be tried before it is
 * switched on. Audited.
 */
export async function sendTestNotification(auth: AuthContext, channelId: string, now = new Date()): Promise<TestNotificationResult> {
  const channel = await findVisibleChannel(auth, channelId);
  assertCanAdminister(auth, channel.workspaceId);
  const workspace = await db().workspace.findUniqueOrThrow({ where: { id: channel.workspaceId }, select: { id: true, name: true } });
  const testId = randomUUID();
  const outcome = await sendNotification(channel, testContext(testId, channel.name, workspace, now), `test-${testId}`);
  const result: TestNotificationResult = {
    ok: outcome.ok,
    status: outcome.status ?? null,
    error: outcome.error ?? null,
    durationMs: outcome.durationMs,
  };
  await db().auditLog.create({
    data: auditData({
      workspaceId: channel.workspaceId,
      actorId: auth.kind === "user" ? auth.userId : null,
      action: "notification_channel.tested",
      targetType: "notification_channel",
      targetId: channel.id,
      after: { ok: result.ok, status: result.status, error: result.error },
    }),
  });
  return result;
}

function testContext(alertId: string, channelName: string, workspace: { id: string; name: string }, now: Date): NotificationContext {
  return {
    stage: "initial",
    test: true,
    alert: {
      id: alertId,
      title: `Test notification from Faultline to “${channelName}”`,
      severity: "low",
      status: "active",
      ruleName: "Test notification",
      ruleKind: "new_issue",
      value: 1,
      threshold: 1,
      count: 1,
      firedAt: now,
      acknowledgedAt: null,
      resolvedAt: null,
      resolution: null,
    },
    error: null,
    project: null,
    workspace,
    url: null,
    sentAt: now,
  };
}
