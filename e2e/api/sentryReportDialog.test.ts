import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { newEventId } from "@/e2e/support/envelopes";
import { BASE_URL, createTenant, type Tenant } from "@/e2e/support/tenant";

let t: Tenant;
let dsn: string;
const dialogUrl = (params: Record<string, string>) => `${BASE_URL}/api/embed/error-page/?${new URLSearchParams(params)}`;

async function feedbackRows(eventId: string) {
  return query<{ name: string | null; email: string | null; comments: string; source: string }>(
    `SELECT name, email, comments, source FROM "UserFeedback" WHERE "projectId" = $1 AND "eventId" = $2`,
    [t.projectId, eventId],
  );
}

async function errorOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { message: string } }).error.message;
}

beforeAll(async () => {
  t = await createTenant("report-dialog");
  dsn = `http://${t.key}@${new URL(BASE_URL).host}/${t.projectPublicId}`;
});

describe("the crash-report dialog (Sentry.showReportDialog)", () => {
  it("serves the dialog's script cross-origin, with the SDK's texts and user, posting back with the DSN and event", async () => {
    const eventId = newEventId();
    const res = await fetch(dialogUrl({ dsn, eventId, name: "Ada", email: "ada@example.com", title: "Sorry about that" }), { headers: { origin: "https://shop.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/javascript/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const script = await res.text();
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('"title":"Sorry about that"');
    expect(script).toContain('"email":"ada@example.com"');
    const submitUrl = new URL(JSON.parse(/"submitUrl":("[^"]+")/.exec(script)![1]) as string);
    expect(submitUrl.pathname).toBe("/api/embed/error-page/");
    expect(submitUrl.searchParams.get("eventId")).toBe(eventId);
    expect(submitUrl.searchParams.get("dsn")).toBe(dsn);
  });

  it("stores the posted report as the event's user feedback (URL-encoded or JSON), scrubbed; a later one replaces it", async () => {
    const eventId = newEventId();
    const post = (body: BodyInit, contentType: string) =>
      fetch(dialogUrl({ dsn, eventId }), { method: "POST", body, headers: { "content-type": contentType, origin: "https://shop.example", "sec-fetch-site": "cross-site" } });
    const first = await post(new URLSearchParams({ name: "Ada", email: "ada@example.com", comments: "Checkout froze; token=abcdef1234567890abcdef" }).toString(), "application/x-www-form-urlencoded");
    expect(first.status).toBe(200);
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(await first.json()).toEqual({});
    const [row] = await feedbackRows(eventId);
    expect(row).toMatchObject({ name: "Ada", email: "ada@example.com", source: "user_report" });
    expect(row.comments).toContain("Checkout froze");
    expect(row.comments).not.toContain("abcdef1234567890abcdef");

    expect((await post(JSON.stringify({ comments: "It happened again" }), "application/json")).status).toBe(200);
    const rows = await feedbackRows(eventId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ comments: "It happened again", name: null });
  });

  it("refuses what it cannot serve or store, with a status and a message naming the field", async () => {
    const eventId = newEventId();
    expect((await fetch(dialogUrl({ eventId }))).status).toBe(401);
    const notDsn = await fetch(dialogUrl({ dsn: "nonsense", eventId }));
    expect(notDsn.status).toBe(400);
    expect(await errorOf(notDsn)).toMatch(/dsn/);
    expect((await fetch(dialogUrl({ dsn: `http://${t.key}@${new URL(BASE_URL).host}/999999999`, eventId }))).status).toBe(404);
    expect((await fetch(dialogUrl({ dsn: `http://wrongkey@${new URL(BASE_URL).host}/${t.projectPublicId}`, eventId }))).status).toBe(403);
    const noEvent = await fetch(dialogUrl({ dsn }));
    expect(noEvent.status).toBe(400);
    expect(await errorOf(noEvent)).toMatch(/eventId/);

    const empty = await fetch(dialogUrl({ dsn, eventId }), { method: "POST", body: "name=Ada&comments=", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(empty.status).toBe(422);
    expect(await errorOf(empty)).toMatch(/comments/);
    const huge = await fetch(dialogUrl({ dsn, eventId }), { method: "POST", body: `comments=${"x".repeat(100_000)}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(huge.status).toBe(413);
    expect(await feedbackRows(eventId)).toEqual([]);
  });
});
