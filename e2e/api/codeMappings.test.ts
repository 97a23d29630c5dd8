import { describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, login, postEvents } from "@/e2e/support/tenant";
import type { EventView } from "@/lib/errors/events/getEvent";

/**
 * Code mappings over HTTP: an admin maps the paths of stack traces to the project's repository; the
 * event viewer's frames then carry links to their files, at the release's commit when it names one,
 * for native traces and Sentry frames alike.
 */
describe("code mappings", () => {
  it("link frames to their source in the repository; only admins set them; a bad URL is a 422 naming it", async () => {
    const t = await createTenant("codemap");
    const admin = await login(t.admin);
    const mappings = [
      { stackRoot: "/srv/app/", repositoryUrl: "https://github.com/acme/shop" },
      { stackRoot: "", sourceRoot: "backend", repositoryUrl: "https://gitlab.com/acme/api", defaultBranch: "develop" },
    ];
    expect((await api("PATCH", `/api/v1/projects/${t.projectId}`, await login(t.member), { codeMappings: mappings })).status).toBe(403);
    const bad = await api("PATCH", `/api/v1/projects/${t.projectId}`, admin, { codeMappings: [{ stackRoot: "", repositoryUrl: "javascript:alert(1)" }] });
    expect(bad.status).toBe(422);
    expect((bad.body as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe("codeMappings[0].repositoryUrl");
    const saved = await api("PATCH", `/api/v1/projects/${t.projectId}`, admin, { codeMappings: mappings });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((saved.body as { codeMappings: unknown[] }).codeMappings).toEqual([
      { stackRoot: "/srv/app/", sourceRoot: "", repositoryUrl: "https://github.com/acme/shop", defaultBranch: "main" },
      { stackRoot: "", sourceRoot: "backend", repositoryUrl: "https://gitlab.com/acme/api", defaultBranch: "develop" },
    ]);

    const native = await postEvents(t.key, {
      type: "CartError",
      message: "cart is empty",
      release: "shop@4f2a9c1e",
      stackTrace: "CartError: cart is empty\n    at checkout (/srv/app/src/cart.ts:42:7)\n    at handle (/srv/app/node_modules/express/lib/router.js:10:3)",
    });
    expect(native.status).toBe(202);
    const nativeIssue = ((await native.json()) as { accepted: { groupId: string }[] }).accepted[0]!.groupId;
    const nativeEvent = (await api("GET", `/api/v1/errors/${nativeIssue}/events/latest`, admin)).body as EventView;
    const frames = nativeEvent.exceptions[0]!.frames;
    expect(frames.find((f) => f.function === "checkout")?.sourceUrl).toBe("https://github.com/acme/shop/blob/4f2a9c1e/src/cart.ts#L42");
    // A dependency under the same root is not the repository's.
    expect(frames.find((f) => f.function === "handle")).toMatchObject({ inApp: false });
    expect(frames.find((f) => f.function === "handle")?.sourceUrl).toBeUndefined();

    const event = {
      event_id: "c0de0a11c0de0a11c0de0a11c0de0a11",
      platform: "python",
      level: "error",
      release: "api-2026.12",
      exception: { values: [{ type: "KeyError", value: "'sku'", stacktrace: { frames: [{ function: "add_item", filename: "shop/cart.py", abs_path: "/opt/api/shop/cart.py", lineno: 17, in_app: true }] } }] },
    };
    const envelope = `${JSON.stringify({ event_id: event.event_id })}\n${JSON.stringify({ type: "event" })}\n${JSON.stringify(event)}\n`;
    const sentry = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=${t.key}&sentry_version=7`, { method: "POST", body: envelope });
    expect(sentry.status).toBe(200);
    const [{ id: pythonIssue }] = await query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "projectId" = $1 AND type = 'KeyError'`, [t.projectId]);
    const pythonEvent = (await api("GET", `/api/v1/errors/${pythonIssue}/events/latest`, admin)).body as EventView;
    expect(pythonEvent.exceptions[0]!.frames[0]?.sourceUrl).toBe("https://gitlab.com/acme/api/-/blob/develop/backend/shop/cart.py#L17");
  });
});
