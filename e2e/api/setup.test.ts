import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelope, errorEvent, newEventId } from "@/e2e/support/envelopes";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";

/** First run, on an app of its own with an empty database and FAULTLINE_DEMO=0. */
describe("first-run setup", { timeout: 180_000 }, () => {
  let app: FreshInstance;
  beforeAll(async () => {
    app = await startFreshInstance();
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  const setupBody = (i: number) => ({
    name: `Founder ${i}`,
    email: `founder-${i}@example.com`,
    password: `founder password ${i}`,
    workspaceName: `Acme ${i}`,
    projectName: "Storefront",
    platform: "javascript",
  });

  it("every page leads to /setup while no user exists", async () => {
    for (const path of ["/", "/settings", "/login"]) {
      const res = await fetch(`${app.url}${path}`, { redirect: "manual" });
      expect([303, 307, 308], path).toContain(res.status);
      expect(new URL(res.headers.get("location")!, app.url).pathname, path).toBe("/setup");
    }
    expect((await fetch(`${app.url}/setup`, { redirect: "manual" })).status).toBe(200);
  });

  it("validates before anything else (422 naming the field)", async () => {
    const res = await fetch(`${app.url}/api/v1/setup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...setupBody(0), password: "short" }) });
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues[0].path).toBe("password");
  });

  it("racing setups: exactly one 201, the others 409, one user", async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => fetch(`${app.url}/api/v1/setup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(setupBody(i)) })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    const winner = answers.find((r) => r.status === 201)!;
    const body = await winner.json();
    expect(body.project.dsn).toMatch(new RegExp(`^http://[0-9a-f]{32}@127\\.0\\.0\\.1:\\d+/${body.project.publicId}$`));
    expect(body.project.ingestKey).toMatch(/^[0-9a-f]{32}$/);
    const loser = answers.find((r) => r.status === 409)!;
    expect((await loser.json()).error.code).toBe("already_set_up");

    // The winner is signed in, admin of the new workspace, and the DSN takes events.
    const cookie = winner.headers.get("set-cookie")!.split(";")[0];
    const me = await (await fetch(`${app.url}/api/v1/me`, { headers: { cookie } })).json();
    // Whoever sets the instance up is its operator: the instance-wide status figures are theirs.
    expect(me.user.operator).toBe(true);
    const status = await (await fetch(`${app.url}/api/v1/workspaces/${body.workspaceId}/ingest-health`, { headers: { cookie } })).json();
    expect(status.database?.tables.length).toBeGreaterThan(0);
    expect(status.instance).not.toBeNull();
    expect(me.workspaces).toHaveLength(1);
    expect(me.workspaces[0]).toMatchObject({ id: body.workspaceId, role: "admin" });
    expect(me.workspaces[0].projects.map((p: { name: string }) => p.name)).toEqual(["Storefront"]);
    const id = newEventId();
    const sent = await fetch(`${app.url}/api/${body.project.publicId}/envelope/?sentry_key=${body.project.ingestKey}&sentry_version=7`, {
      method: "POST",
      body: new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }])),
    });
    expect(sent.status).toBe(200);
    // The first key is kept sealed: the admin can copy the same DSN again later.
    const revealed = await fetch(`${app.url}/api/v1/projects/${body.project.id}/keys/${body.project.ingestKeyId}/dsn`, { headers: { cookie } });
    expect(await revealed.json()).toMatchObject({ key: body.project.ingestKey, dsn: body.project.dsn });

    // Later setups are refused too, and the pages now lead to the login instead.
    const again = await fetch(`${app.url}/api/v1/setup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(setupBody(9)) });
    expect(again.status).toBe(409);
    const page = await fetch(`${app.url}/`, { redirect: "manual" });
    expect(new URL(page.headers.get("location")!, app.url).pathname).toBe("/login");
    const setupPage = await fetch(`${app.url}/setup`, { redirect: "manual" });
    expect(new URL(setupPage.headers.get("location")!, app.url).pathname).toBe("/login");
  });
});
