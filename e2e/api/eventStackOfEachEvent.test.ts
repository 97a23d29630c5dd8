import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, createTenant, getJson, login, type Tenant } from "@/e2e/support/tenant";

/**
 * Every event of an issue shows its own stack: two events of one bug whose outer frame moved a line
 * (what any deploy does) group together, and the newer one is shown with its own structured frames —
 * the SDK's modules and in-app flags — not an empty stack or the issue's first trace.
 */
function storeEvent(t: Tenant, outerLine: number, platform: string, frames: Record<string, unknown>[], type: string) {
  return fetch(`${BASE_URL}/api/${t.projectPublicId}/store/`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sentry-auth": `Sentry sentry_version=7, sentry_key=${t.key}, sentry_client=sentry.test/1.0` },
    body: JSON.stringify({
      event_id: crypto.randomUUID().replaceAll("-", ""),
      platform,
      level: "error",
      exception: { values: [{ type, value: "card declined", stacktrace: { frames: frames.map((f, i) => (i === 0 ? { ...f, lineno: outerLine } : f)) } }] },
    }),
  });
}

describe("the event view of each event of an issue", () => {
  let tenant: Tenant;
  let cookie: string;
  beforeAll(async () => {
    tenant = await createTenant("event-stack");
    cookie = await login(tenant.admin);
  });

  const cases: [string, string, Record<string, unknown>[]][] = [
    [
      "python",
      "CardDeclined",
      [
        { function: "dispatch", module: "django.core.handlers.base", filename: "django/core/handlers/base.py", abs_path: "/venv/lib/django/core/handlers/base.py", in_app: false },
        { function: "checkout", module: "shop.views", filename: "shop/views.py", abs_path: "/srv/shop/views.py", lineno: 40, in_app: true },
        { function: "charge", module: "shop.billing", filename: "shop/billing.py", abs_path: "/srv/shop/billing.py", lineno: 17, in_app: true },
      ],
    ],
    [
      "java",
      "com.shop.CardDeclinedException",
      [
        { function: "run", module: "java.lang.Thread", filename: "Thread.java", in_app: false },
        { function: "checkout", module: "com.shop.CheckoutController", filename: "CheckoutController.java", lineno: 52, in_app: true },
        { function: "charge", module: "com.shop.Billing", filename: "Billing.java", lineno: 88, in_app: true },
      ],
    ],
  ];

  it.each(cases)("%s: the newer event of the issue keeps its own frames", async (platform, type, frames) => {
    expect((await storeEvent(tenant, 100, platform, frames, type)).status).toBe(200);
    expect((await storeEvent(tenant, 101, platform, frames, type)).status).toBe(200);
    const list = await getJson(`/api/v1/errors?workspaceId=${tenant.workspaceId}&pageSize=50`, { cookie });
    const issues = ((await list.json()) as { items: { errorId: string; type: string }[] }).items.filter((i) => i.type === type);
    expect(issues, "one issue for both events").toHaveLength(1);

    for (const which of ["latest", "oldest"]) {
      const res = await getJson(`/api/v1/errors/${issues[0].errorId}/events/${which}`, { cookie });
      expect(res.status).toBe(200);
      const event = (await res.json()) as { exceptions: { frames: { function?: string; module?: string; lineno?: number; inApp: boolean }[] }[] };
      const shown = event.exceptions[0].frames;
      expect(shown.map((f) => f.function), `${which} event's frames`).toEqual(frames.map((f) => f.function));
      expect(shown.map((f) => f.module)).toEqual(frames.map((f) => f.module));
      expect(shown[0].lineno).toBe(which === "latest" ? 101 : 100);
      expect(shown.map((f) => f.inApp)).toEqual([false, true, true]);
    }
  });
});
