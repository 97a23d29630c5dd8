import { beforeAll, describe, expect, it } from "vitest";
import { newEventId } from "@/e2e/support/envelopes";
import { parseCsv } from "@/e2e/support/parseCsv";
import { BASE_URL, createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { rawChainText } from "@/lib/errors/events/rawChainText";
import type { ExceptionRelation } from "@/lib/grouping/chain/ChainException";

/**
 * What the issue page shows of each event is that event's own: its frames' variables and paths,
 * its causes' source lines, its exception type; a link to an event that left the issue names the
 * issue that holds it now; comments and the activity trail stay complete on a busy issue.
 */

type Frame = { function?: string; absPath?: string; module?: string; vars?: Record<string, string>; preContext?: string[]; contextLine?: string; postContext?: string[] };
type EventException = { type: string; value: string; relation: ExceptionRelation; frames: Frame[]; stackTrace: string | null };
type EventView = { eventId: string; type: string; message: string; exceptions: EventException[] };

function storeSentry(t: Tenant, payload: Record<string, unknown>) {
  return fetch(`${BASE_URL}/api/${t.projectPublicId}/store/`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sentry-auth": `Sentry sentry_version=7, sentry_key=${t.key}, sentry_client=sentry.python/2.19.0` },
    body: JSON.stringify({ platform: "python", level: "error", timestamp: Date.now() / 1000, ...payload }),
  });
}

function post(path: string, cookie: string, body: unknown) {
  return fetch(`${BASE_URL}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
}

async function issueOf(t: Tenant, cookie: string, type: string): Promise<string> {
  const list = (await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&pageSize=100`, { cookie })).json()) as { items: { errorId: string; type: string }[] };
  const issues = list.items.filter((i) => i.type === type);
  expect(issues, `one issue of ${type}`).toHaveLength(1);
  return issues[0].errorId;
}

async function eventView(issue: string, which: string, cookie: string): Promise<EventView> {
  const res = await getJson(`/api/v1/errors/${issue}/events/${which}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as EventView;
}

describe("the issue page's event view shows each event's own data", () => {
  let t: Tenant;
  let cookie: string;
  beforeAll(async () => {
    t = await createTenant("issue-page-events");
    cookie = await login(t.member);
  });

  it("every event's frames carry its own variables, absolute paths and source lines, not the first event's", async () => {
    const ids = [newEventId(), newEventId(), newEventId()];
    for (const [i, eventId] of ids.entries()) {
      const res = await storeSentry(t, {
        event_id: eventId,
        timestamp: Date.now() / 1000 - 60 + i,
        exception: {
          values: [{
            type: "OrderFailed",
            value: `order ${1000 + i} failed`,
            stacktrace: {
              frames: [
                { function: "dispatch", module: "django.core.handlers.base", filename: "django/core/handlers/base.py", abs_path: `/srv/releases/${i}/venv/django/core/handlers/base.py`, lineno: 197, in_app: false },
                {
                  function: "place",
                  module: "shop.orders",
                  filename: "shop/orders.py",
                  abs_path: `/srv/releases/${i}/shop/orders.py`,
                  lineno: 20,
                  in_app: true,
                  pre_context: ["def place(order_id, customer):", `    # event ${i}`],
                  context_line: "    raise OrderFailed(order_id)",
                  post_context: ["", "def cancel(order_id):"],
                  vars: { order_id: 1000 + i, customer: `'cust-${i}'` },
                },
              ],
            },
          }],
        },
      });
      expect(res.status).toBe(200);
    }
    const issue = await issueOf(t, cookie, "OrderFailed");
    for (const [i, eventId] of ids.entries()) {
      const event = await eventView(issue, eventId, cookie);
      expect(event.message).toBe(`order ${1000 + i} failed`);
      const [library, place] = event.exceptions[0].frames;
      expect(place.vars, `event ${i}'s variables`).toEqual({ order_id: String(1000 + i), customer: `'cust-${i}'` });
      expect(place.absPath).toBe(`/srv/releases/${i}/shop/orders.py`);
      expect(library.absPath).toBe(`/srv/releases/${i}/venv/django/core/handlers/base.py`);
      expect(place.module).toBe("shop.orders");
      expect(place.preContext).toEqual(["def place(order_id, customer):", `    # event ${i}`]);
      expect(place.contextLine).toBe("    raise OrderFailed(order_id)");
      expect(place.postContext).toEqual(["", "def cancel(order_id):"]);
    }
  });

  it("a chained cause's frames keep the source lines around them", async () => {
    const eventId = newEventId();
    const cause = {
      type: "ReadTimeout",
      value: "Read timed out. (read timeout=3)",
      module: "requests.exceptions",
      mechanism: { type: "chained", handled: true, exception_id: 1, parent_id: 0, source: "__cause__" },
      stacktrace: {
        frames: [
          { function: "checkout", module: "shop.views", filename: "shop/views.py", lineno: 42, in_app: true, pre_context: ["def checkout(request):", "    cart = request.cart"], context_line: "    gateway.charge(cart)", post_context: ["    return ok()"] },
          { function: "charge", module: "shop.gateway", filename: "shop/gateway.py", lineno: 88, in_app: true, pre_context: ["def charge(cart):", "    body = cart.payload()"], context_line: "    return session.post(URL, json=body, timeout=3)", post_context: ["", "def refund(cart):"] },
        ],
      },
    };
    const raised = {
      type: "PaymentFailed",
      value: "gateway timed out",
      module: "shop.errors",
      mechanism: { type: "django", handled: false, exception_id: 0 },
      stacktrace: {
        frames: [
          { function: "checkout", module: "shop.views", filename: "shop/views.py", lineno: 44, in_app: true, pre_context: ["    except ReadTimeout as e:"], context_line: "        raise PaymentFailed('gateway timed out') from e", post_context: [""] },
        ],
      },
    };
    expect((await storeSentry(t, { event_id: eventId, exception: { values: [cause, raised] } })).status).toBe(200);
    const issue = await issueOf(t, cookie, "PaymentFailed");
    const event = await eventView(issue, eventId, cookie);
    expect(event.exceptions.map((e) => [e.type, e.relation])).toEqual([["PaymentFailed", "raised"], ["ReadTimeout", "cause"]]);
    expect(event.exceptions[0].frames[0]).toMatchObject({ preContext: ["    except ReadTimeout as e:"], postContext: [""] });
    const [checkout, charge] = event.exceptions[1].frames;
    expect(checkout).toMatchObject({ preContext: ["def checkout(request):", "    cart = request.cart"], contextLine: "    gateway.charge(cart)", postContext: ["    return ok()"] });
    expect(charge).toMatchObject({ preContext: ["def charge(cart):", "    body = cart.payload()"], contextLine: "    return session.post(URL, json=body, timeout=3)", postContext: ["", "def refund(cart):"] });
    // Raw: the chain's text opens with the raised exception's header, printed once.
    expect(rawChainText(event.exceptions).match(/PaymentFailed: gateway timed out/g)).toHaveLength(1);
  });

  it("an event grouped with others of another type (an SDK fingerprint) is shown and exported with its own type", async () => {
    const [first, second] = [newEventId(), newEventId()];
    const frames = [{ function: "connect", module: "shop.db", filename: "shop/db.py", lineno: 12, in_app: true }];
    for (const [eventId, type, i] of [[first, "OperationalError", 0], [second, "InterfaceError", 1]] as const) {
      const res = await storeSentry(t, { event_id: eventId, timestamp: Date.now() / 1000 - 10 + i, fingerprint: ["db-down"], exception: { values: [{ type, value: "connection refused", stacktrace: { frames } }] } });
      expect(res.status).toBe(200);
    }
    const issue = await issueOf(t, cookie, "OperationalError");
    const latest = await eventView(issue, "latest", cookie);
    expect(latest.eventId).toBe(second);
    expect(latest.type).toBe("InterfaceError");
    expect(latest.exceptions[0].type).toBe("InterfaceError");
    expect((await eventView(issue, "oldest", cookie)).type).toBe("OperationalError");

    const csv = parseCsv(await (await getJson(`/api/v1/errors/${issue}/events/export?format=csv`, { cookie })).text());
    const typeColumn = csv[0].indexOf("type");
    expect(csv.slice(1).map((row) => [row[0], row[typeColumn]])).toEqual([[second, "InterfaceError"], [first, "OperationalError"]]);
    const json = (await (await getJson(`/api/v1/errors/${issue}/events/export?format=json`, { cookie })).json()) as { eventId: string; type: string }[];
    expect(json.map((row) => [row.eventId, row.type])).toEqual([[second, "InterfaceError"], [first, "OperationalError"]]);
  });
});

describe("an event link after its events moved to another issue (merge, then unmerge)", () => {
  let t: Tenant;
  let cookie: string;
  let a: string;
  let b: string;
  type Audit = { audit: { action: string; issues: { errorId: string | null; title: string }[] }[] };
  let whileMerged: Audit;
  const at = new Date(Date.now() - 3600_000).toISOString();
  const trace = (fn: string) => `TypeError: x\n    at ${fn} (/srv/app/src/${fn}.js:10:5)\n    at main (/srv/app/src/index.js:2:1)`;
  async function ingest(eventId: string, fn: string) {
    const res = await postEvents(t.key, { eventId, occurredAt: at, platform: "node", type: "TypeError", message: `broke in ${fn}`, stackTrace: trace(fn) });
    expect(res.status).toBe(202);
    return ((await res.json()) as { accepted: { groupId: string }[] }).accepted[0].groupId;
  }

  beforeAll(async () => {
    t = await createTenant("event-link-moved");
    cookie = await login(t.member);
    a = await ingest("moved-a-1", "priceLine");
    b = await ingest("moved-b-1", "priceItem");
    expect(a).not.toBe(b);
    expect((await post("/api/v1/errors/merge", cookie, { targetId: a, sourceIds: [b] })).status).toBe(200);
    // While merged, the link to B's event opens in A.
    expect((await getJson(`/api/v1/errors/${a}/events/moved-b-1`, { cookie })).status).toBe(200);
    whileMerged = (await (await getJson(`/api/v1/errors/${a}`, { cookie })).json()) as Audit;
    const list = (await (await getJson(`/api/v1/errors/${a}/fingerprints`, { cookie })).json()) as { fingerprints: { kind: string; fingerprint: string }[] };
    const merged = list.fingerprints.find((f) => f.kind === "merged")!;
    const res = await post(`/api/v1/errors/${a}/unmerge`, cookie, { fingerprints: [merged.fingerprint] });
    expect(res.status).toBe(200);
  });

  it("answers 404 naming the issue that holds the event now (movedTo), to members of its workspace", async () => {
    const res = await getJson(`/api/v1/errors/${a}/events/moved-b-1`, { cookie });
    expect(res.status).toBe(404);
    const { error } = (await res.json()) as { error: { code: string; movedTo?: string } };
    expect(error).toMatchObject({ code: "not_found", movedTo: b });
    expect((await getJson(`/api/v1/errors/${b}/events/moved-b-1`, { cookie })).status).toBe(200);
    // An id no issue holds: a plain 404.
    const unknown = (await (await getJson(`/api/v1/errors/${a}/events/${newEventId()}`, { cookie })).json()) as { error: { movedTo?: string } };
    expect(unknown.error.movedTo).toBeUndefined();
    // Someone of another workspace learns nothing.
    const stranger = await createTenant("event-link-stranger");
    const hidden = await getJson(`/api/v1/errors/${a}/events/moved-b-1`, { cookie: await login(stranger.admin) });
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { error: { movedTo?: string } }).error.movedTo).toBeUndefined();
  });

  it("names and links the other issue in the merge and unmerge entries of the activity trail", async () => {
    // While merged, the merged issue is gone (its id leads back here): named, not linked.
    expect(whileMerged.audit.find((e) => e.action === "error.merged")!.issues).toEqual([{ errorId: null, title: "TypeError: broke in priceItem" }]);
    const details = (await (await getJson(`/api/v1/errors/${a}`, { cookie })).json()) as Audit;
    // Split off again under its own id: linked.
    expect(details.audit.find((e) => e.action === "error.merged")!.issues).toEqual([{ errorId: b, title: "TypeError: broke in priceItem" }]);
    expect(details.audit.find((e) => e.action === "error.unmerged")!.issues).toEqual([{ errorId: b, title: "TypeError: broke in priceItem" }]);
    const split = (await (await getJson(`/api/v1/errors/${b}`, { cookie })).json()) as Audit;
    expect(split.audit.find((e) => e.action === "error.split_from")!.issues).toEqual([{ errorId: a, title: "TypeError: broke in priceLine" }]);
  });
});

describe("comments of a busy issue", () => {
  it("lists the newest page, oldest first, with a cursor to the older ones", async () => {
    const t = await createTenant("comment-pages");
    const cookie = await login(t.member);
    const res = await postEvents(t.key, { type: "Chatty", message: "discussed a lot", severity: "low" });
    const issue = ((await res.json()) as { accepted: { groupId: string }[] }).accepted[0].groupId;
    for (let i = 1; i <= 5; i++) expect((await post(`/api/v1/errors/${issue}/comments`, cookie, { body: `comment ${i}` })).status).toBe(201);

    type Page = { items: { body: string }[]; nextCursor: string | null };
    const newest = (await (await getJson(`/api/v1/errors/${issue}/comments?limit=2`, { cookie })).json()) as Page;
    expect(newest.items.map((c) => c.body)).toEqual(["comment 4", "comment 5"]);
    expect(newest.nextCursor).toEqual(expect.any(String));
    const older = (await (await getJson(`/api/v1/errors/${issue}/comments?limit=2&cursor=${encodeURIComponent(newest.nextCursor!)}`, { cookie })).json()) as Page;
    expect(older.items.map((c) => c.body)).toEqual(["comment 2", "comment 3"]);
    const oldest = (await (await getJson(`/api/v1/errors/${issue}/comments?limit=2&cursor=${encodeURIComponent(older.nextCursor!)}`, { cookie })).json()) as Page;
    expect(oldest).toMatchObject({ items: [{ body: "comment 1" }], nextCursor: null });
    const all = (await (await getJson(`/api/v1/errors/${issue}/comments`, { cookie })).json()) as Page;
    expect(all).toMatchObject({ nextCursor: null });
    expect(all.items.map((c) => c.body)).toEqual(["comment 1", "comment 2", "comment 3", "comment 4", "comment 5"]);
    expect((await getJson(`/api/v1/errors/${issue}/comments?cursor=junk`, { cookie })).status).toBe(422);
  });
});
