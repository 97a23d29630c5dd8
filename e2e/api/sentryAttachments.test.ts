import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { BASE_URL, createTenant, login, type Tenant } from "@/e2e/support/tenant";
import type { AttachmentSummary } from "@/lib/attachments/attachmentSummary";

let t: Tenant;
let viewer: string;

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2a1d2ba0000000049454e44ae426082", "hex");
const send = (header: Record<string, unknown>, items: { type: string; payload: string | Buffer; headers?: Record<string, unknown> }[]) =>
  postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}`), new Uint8Array(envelope(header, items)));
const file = (filename: string, payload: string | Buffer, headers: Record<string, unknown> = {}) => ({ type: "attachment", payload, headers: { filename, ...headers } });

async function attachmentsOfEvent(eventId: string): Promise<AttachmentSummary[]> {
  const [row] = await query<{ groupId: string }>(`SELECT "groupId" FROM "ErrorEventId" WHERE "projectId" = $1 AND "eventId" = $2`, [t.projectId, eventId]);
  const res = await fetch(`${BASE_URL}/api/v1/errors/${row.groupId}/events/${eventId}`, { headers: { cookie: viewer } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { attachments: AttachmentSummary[] }).attachments;
}

const download = (id: string, suffix = "", cookie: string | null = viewer) => fetch(`${BASE_URL}/api/v1/attachments/${id}${suffix}`, { headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  t = await createTenant("attachments");
  viewer = await login(t.viewer);
});

describe("Sentry attachments", () => {
  it("keeps the files sent with an event, lists them on the event and serves them as downloads; text is scrubbed; a retry stores nothing twice", async () => {
    const eventId = newEventId();
    const items = [
      { type: "event", payload: errorEvent(eventId) },
      file("screenshot.png", PNG, { content_type: "image/png" }),
      file("app.log", "started\nDATABASE_URL=postgres://app:s3cret-pw@db/prod\nstopped\n", { content_type: "text/plain" }),
    ];
    expect((await send({ event_id: eventId }, items)).status).toBe(200);
    expect((await send({ event_id: eventId }, items)).status).toBe(200);

    const attachments = await attachmentsOfEvent(eventId);
    expect(attachments).toEqual([
      { id: expect.any(String), filename: "app.log", contentType: "text/plain", attachmentType: "event.attachment", size: expect.any(Number) },
      { id: expect.any(String), filename: "screenshot.png", contentType: "image/png", attachmentType: "event.attachment", size: PNG.length },
    ]);

    const png = attachments[1];
    const asDownload = await download(png.id);
    expect(asDownload.status).toBe(200);
    expect(asDownload.headers.get("content-type")).toBe("application/octet-stream");
    expect(asDownload.headers.get("content-disposition")).toMatch(/^attachment; filename="screenshot.png"/);
    expect(asDownload.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await asDownload.arrayBuffer()).equals(PNG)).toBe(true);
    const inline = await download(png.id, "?inline=1");
    expect(inline.headers.get("content-type")).toBe("image/png");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);

    const log = await download(attachments[0].id);
    expect(log.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await log.text();
    expect(text).toContain("started");
    expect(text).not.toContain("s3cret-pw");
  });

  it("reads text files in their own encoding: a Latin-1 or UTF-16 log is kept byte for byte, and scrubbed in its encoding", async () => {
    const eventId = newEventId();
    const latin1 = Buffer.from("Benutzer: Müller, Straße, café\n", "latin1");
    const utf16 = Buffer.from("\uFEFFBenutzer: Müller\r\n", "utf16le");
    const secret = Buffer.from("\uFEFFpostgres://app:S3cretPass@db/prod password=hunter2 card 4111 1111 1111 1111", "utf16le");
    const items = [
      { type: "event", payload: errorEvent(eventId) },
      file("latin1.log", latin1, { content_type: "text/plain" }),
      file("Game.log", latin1),
      file("utf16.txt", utf16),
      file("u16.txt", secret, { content_type: "text/plain; charset=utf-16" }),
    ];
    expect((await send({ event_id: eventId }, items)).status).toBe(200);
    const byName = new Map((await attachmentsOfEvent(eventId)).map((a) => [a.filename, a]));
    const bytes = async (name: string) => Buffer.from(await (await download(byName.get(name)!.id)).arrayBuffer());
    expect((await bytes("latin1.log")).equals(latin1)).toBe(true);
    expect((await bytes("Game.log")).equals(latin1)).toBe(true);
    expect((await bytes("utf16.txt")).equals(utf16)).toBe(true);
    expect((await bytes("u16.txt")).toString("utf16le")).toBe("\uFEFFpostgres://app:[Filtered]@db/prod password=[Filtered] card [Filtered]");
    expect(byName.get("u16.txt")!.size).toBe((await bytes("u16.txt")).length);
  });

  it("keeps two files whose names come down to the same one (another directory, no name): numbered, not dropped", async () => {
    const eventId = newEventId();
    const items = [
      { type: "event", payload: errorEvent(eventId) },
      file("service-a/app.log", "from service a\n", { content_type: "text/plain" }),
      file("service-b/app.log", "from service b\n", { content_type: "text/plain" }),
      file("", "first unnamed"),
      file(" ", "second unnamed"),
    ];
    expect((await send({ event_id: eventId }, items)).status).toBe(200);
    expect((await send({ event_id: eventId }, items)).status).toBe(200); // a retry still stores nothing twice
    const attachments = await attachmentsOfEvent(eventId);
    expect(attachments.map((a) => a.filename).sort()).toEqual(["app (2).log", "app.log", "attachment", "attachment (2)"]);
    const texts = await Promise.all(attachments.filter((a) => a.filename.startsWith("app")).map(async (a) => (await download(a.id)).text()));
    expect(texts.sort()).toEqual(["from service a\n", "from service b\n"]);
  });

  it("never serves a file a browser would run as itself, even inline", async () => {
    const eventId = newEventId();
    await send({ event_id: eventId }, [{ type: "event", payload: errorEvent(eventId) }, file("page.html", "<script>alert(1)</script>", { content_type: "text/html" })]);
    const [html] = await attachmentsOfEvent(eventId);
    const res = await download(html.id, "?inline=1");
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("shows the feedback widget's screenshot with the feedback", async () => {
    const feedbackId = newEventId();
    const feedback = { event_id: feedbackId, contexts: { feedback: { message: "The pay button does nothing", contact_email: "noor@example.com" } } };
    expect((await send({ event_id: feedbackId }, [{ type: "feedback", payload: JSON.stringify(feedback) }, file("screenshot.png", PNG, { content_type: "image/png" })])).status).toBe(200);
    const res = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/feedback`, { headers: { cookie: viewer } });
    const { items } = (await res.json()) as { items: { comments: string; attachments: AttachmentSummary[] }[] };
    const item = items.find((i) => i.comments === "The pay button does nothing");
    expect(item?.attachments).toEqual([expect.objectContaining({ filename: "screenshot.png", contentType: "image/png", size: PNG.length })]);
  });

  it("is for the workspace's own people only", async () => {
    const eventId = newEventId();
    await send({ event_id: eventId }, [{ type: "event", payload: errorEvent(eventId) }, file("notes.txt", "private")]);
    const [notes] = await attachmentsOfEvent(eventId);
    const other = await createTenant("attachments-other");
    expect((await download(notes.id, "", await login(other.admin))).status).toBe(404);
    expect((await download(notes.id, "", null)).status).toBe(401);
    expect((await download("not-a-uuid")).status).toBe(404);
  });

  it("hides a project's additional sensitive fields in text files and in what people write, as in the event", async () => {
    const p = await createTenant("sensitive-items");
    expect((await api("PATCH", `/api/v1/projects/${p.projectId}`, await login(p.admin), { sensitiveFields: ["iban"] })).status).toBe(200);
    const IBAN = "DE89370400440532013000";
    const eventId = newEventId();
    const feedbackId = newEventId();
    const post = (header: Record<string, unknown>, items: Parameters<typeof envelope>[1]) => postRaw(sentryUrl(p.projectPublicId, "envelope", `sentry_key=${p.key}`), new Uint8Array(envelope(header, items)));
    const withEvent = await post({ event_id: eventId }, [
      { type: "event", payload: errorEvent(eventId, { message: `payment failed iban=${IBAN}` }) },
      { type: "user_report", payload: JSON.stringify({ event_id: eventId, name: "Ada", email: "ada@example.com", comments: `iban: ${IBAN} again` }) },
      { type: "attachment", payload: JSON.stringify({ iban: IBAN, note: "log" }), headers: { filename: "state.json", content_type: "application/json" } },
      { type: "attachment", payload: `charging iban=${IBAN}\n`, headers: { filename: "pay.log" } },
    ]);
    expect(withEvent.status).toBe(200);
    const widget = { event_id: feedbackId, contexts: { feedback: { message: `my iban=${IBAN} was charged twice`, contact_email: "a@b.c", associated_event_id: eventId } } };
    expect((await post({ event_id: feedbackId }, [{ type: "feedback", payload: JSON.stringify(widget) }])).status).toBe(200);

    const feedback = await query<{ key: string; comments: string }>(`SELECT key, comments FROM "UserFeedback" WHERE "projectId" = $1 ORDER BY key`, [p.projectId]);
    expect(feedback).toEqual([
      { key: feedbackId, comments: "my iban=[Filtered] was charged twice" },
      { key: `report:${eventId}`, comments: "iban: [Filtered] again" },
    ].sort((a, b) => a.key.localeCompare(b.key)));
    const files = await query<{ filename: string; text: string; size: number }>(
      `SELECT filename, convert_from(data, 'UTF8') AS text, size FROM "EventAttachment" WHERE "projectId" = $1 ORDER BY filename`,
      [p.projectId],
    );
    expect(files).toEqual([
      { filename: "pay.log", text: "charging iban=[Filtered]\n", size: 25 },
      { filename: "state.json", text: '{"iban":"[Filtered]","note":"log"}', size: 34 },
    ]);
  });

  it("refuses an envelope whose header event_id is not an event id (400 naming event_id), rather than answering that id and dropping its files", async () => {
    const res = await send({ event_id: "zz" }, [file("state.json", '{"step": 3}', { content_type: "application/json" })]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { id?: string; error: { field: string; message: string } };
    expect(body.id).toBeUndefined();
    expect(body.error).toMatchObject({ field: "event_id", message: expect.stringContaining("event_id") });
    // A UUID with dashes is an event id: answered and stored under its 32 hex digits.
    const uuid = randomUUID();
    const ok = await send({ event_id: uuid.toUpperCase() }, [{ type: "event", payload: errorEvent(uuid.replaceAll("-", "")) }, file("state.json", '{"step": 3}')]);
    expect(await ok.json()).toEqual({ id: uuid.replaceAll("-", "") });
    expect((await attachmentsOfEvent(uuid.replaceAll("-", ""))).map((f) => f.filename)).toEqual(["state.json"]);
  });
});
