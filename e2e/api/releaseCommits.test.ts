import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { BASE_URL, createTenant, login, postEvents } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import type { EventView } from "@/lib/errors/events/getEvent";

/**
 * Release commits over HTTP: a deploy step (an API token, as CI holds one) sets the commits a
 * release shipped; the event view of an event of that release names the commits that changed the
 * files of its application frames — innermost frame first — and links them once a code mapping
 * names the repository.
 */
describe("release commits", () => {
  it("sent by two deploy jobs at once: both answered 200, the release holds the list once", async () => {
    const t = await createTenant("commits-race");
    const member = await login(t.member);
    const commits = Array.from({ length: 40 }, (_, i) => ({ sha: `${(0xabc000 + i).toString(16)}0`, message: `change ${i}` }));
    const path = `/api/v1/projects/${t.projectId}/releases/${encodeURIComponent("race@1.0.0")}/commits`;
    const answers = await Promise.all(Array.from({ length: 4 }, () => api("PUT", path, member, { commits })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const listed = await api("GET", path, member);
    expect((listed.body as { commits: unknown[] }).commits).toHaveLength(40);
  });

  it("are set by a deploy step, replaced when sent again, and named as suspects on the event view", async () => {
    const t = await createTenant("commits");
    const admin = await login(t.admin);
    const member = await login(t.member);
    const token = ((await api("POST", "/api/v1/account/tokens", member, { name: "CI deploy", scope: "write" })).body as { token: string }).token;
    const put = (body: unknown) =>
      fetch(`${BASE_URL}/api/v1/projects/${t.projectId}/releases/${encodeURIComponent("shop@1.4.0")}/commits`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    const commits = [
      { sha: "A1B2C3D4E5F6", message: "Docs: deploy notes", author: { name: "Grace", email: "grace@example.com" }, timestamp: "2026-12-05T12:00:00Z", files: ["docs/deploy.md"] },
      { sha: "c0ffee1234", message: "Billing: round invoice totals per line\n\nFixes #88", author: { name: "Ada", email: "ada@example.com" }, timestamp: "2026-12-05T11:00:00Z", files: ["backend/src/billing/invoice.ts", "backend/src/billing/tax.ts"] },
      { sha: "beef5678", message: "Cart: coupons", author: { name: "Linus" }, timestamp: "2026-12-04T09:00:00Z", files: ["backend/src/cart/checkout.ts"] },
    ];
    const stored = await put({ commits });
    expect(stored.status, await stored.clone().text()).toBe(200);
    expect(await stored.json()).toEqual({ release: "shop@1.4.0", commits: 3, resolvedIssues: [] });

    const listed = await api("GET", `/api/v1/projects/${t.projectId}/releases/${encodeURIComponent("shop@1.4.0")}/commits`, admin);
    expect(listed.status).toBe(200);
    expect((listed.body as { commits: { sha: string; authorName: string | null; committedAt: string | null; files: string[] }[] }).commits).toEqual([
      expect.objectContaining({ sha: "a1b2c3d4e5f6", authorName: "Grace", committedAt: "2026-12-05T12:00:00.000Z", files: ["docs/deploy.md"] }),
      expect.objectContaining({ sha: "c0ffee1234", authorName: "Ada" }),
      expect.objectContaining({ sha: "beef5678", authorName: "Linus", files: ["backend/src/cart/checkout.ts"] }),
    ]);

    const duplicate = await put({ commits: [commits[0], { ...commits[0], sha: "a1b2c3d4e5f6" }] });
    expect(duplicate.status).toBe(422);
    expect(((await duplicate.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe("commits[1].sha");

    const event = await postEvents(t.key, {
      type: "InvoiceError",
      message: "total mismatch",
      release: "shop@1.4.0",
      stackTrace: [
        "InvoiceError: total mismatch",
        "    at renderInvoice (/srv/app/src/billing/invoice.ts:12:5)",
        "    at checkout (/srv/app/src/cart/checkout.ts:40:3)",
        "    at handle (/srv/app/node_modules/express/lib/router.js:10:3)",
      ].join("\n"),
    });
    expect(event.status).toBe(202);
    const issueId = ((await event.json()) as { accepted: { groupId: string }[] }).accepted[0]!.groupId;
    const view = async () => ((await api("GET", `/api/v1/errors/${issueId}/events/latest`, member)).body as EventView).suspectCommits;
    expect(await view()).toEqual([
      {
        sha: "c0ffee1234",
        release: "shop@1.4.0",
        title: "Billing: round invoice totals per line",
        authorName: "Ada",
        authorEmail: "ada@example.com",
        committedAt: "2026-12-05T11:00:00.000Z",
        file: "backend/src/billing/invoice.ts",
        frame: { function: "renderInvoice", filename: "/srv/app/src/billing/invoice.ts", lineno: 12 },
        url: null,
      },
      expect.objectContaining({ sha: "beef5678", file: "backend/src/cart/checkout.ts", frame: expect.objectContaining({ function: "checkout" }) }),
    ]);

    // The project's ingest key (the DSN's public key) sees the commits without their authors.
    const asKey = (await (await fetch(`${BASE_URL}/api/v1/errors/${issueId}/events/latest`, { headers: { "x-faultline-key": t.key } })).json()) as EventView;
    expect(asKey.suspectCommits[0]).toMatchObject({ sha: "c0ffee1234", authorName: null, authorEmail: null });
    expect(JSON.stringify(asKey)).not.toContain("ada@example.com");

    // With a code mapping the match is exact and the commit links to the repository.
    expect((await api("PATCH", `/api/v1/projects/${t.projectId}`, admin, { codeMappings: [{ stackRoot: "/srv/app/", sourceRoot: "backend/", repositoryUrl: "https://github.com/acme/shop" }] })).status).toBe(200);
    expect((await view())[0]).toMatchObject({ sha: "c0ffee1234", url: "https://github.com/acme/shop/commit/c0ffee1234" });

    // Sent again, the list replaces the old one: the invoice commit is gone, so is its suspicion.
    expect((await put({ commits: [commits[2]] })).status).toBe(200);
    expect((await view()).map((s) => s.sha)).toEqual(["beef5678"]);
    // The release page lists them.
    const release = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases/${encodeURIComponent("shop@1.4.0")}`, member);
    expect((release.body as { commits: unknown }).commits).toEqual({
      total: 1,
      items: [{ projectId: t.projectId, projectName: expect.any(String), sha: "beef5678", title: "Cart: coupons", authorName: "Linus", committedAt: "2026-12-04T09:00:00.000Z", files: 1 }],
    });
    const viewer = await api("PUT", `/api/v1/projects/${t.projectId}/releases/x/commits`, await login(t.viewer), { commits: [] });
    expect(viewer.status).toBe(403);
  });

  it("come from the release the issue first appeared in as well as the event's: a later release's event still names the commit that shipped the bug", async () => {
    const t = await createTenant("commits-intro");
    const member = await login(t.member);
    const put = (release: string, commits: unknown[]) => api("PUT", `/api/v1/projects/${t.projectId}/releases/${encodeURIComponent(release)}/commits`, member, { commits });
    expect((await put("shop@1.4.0", [{ sha: "1a1a1a1", message: "Payouts: new fee rounding", author: { name: "Ada" }, timestamp: "2026-12-01T10:00:00Z", files: ["src/payouts/fees.ts"] }])).status).toBe(200);
    expect((await put("shop@1.5.0", [{ sha: "2b2b2b2", message: "Cart: badges", timestamp: "2026-12-03T10:00:00Z", files: ["src/cart/badge.ts"] }])).status).toBe(200);
    const send = async (release: string) => {
      const res = await postEvents(t.key, { type: "FeeError", message: "fee below zero", release, stackTrace: "FeeError: fee below zero\n    at roundFee (/srv/app/src/payouts/fees.ts:7:9)" });
      return ((await res.json()) as { accepted: { groupId: string }[] }).accepted[0]!.groupId;
    };
    const issueId = await send("shop@1.4.0");
    expect(await send("shop@1.5.0")).toBe(issueId);
    const latest = (await api("GET", `/api/v1/errors/${issueId}/events/latest`, member)).body as EventView;
    expect(latest.release).toBe("shop@1.5.0");
    expect(latest.suspectCommits).toEqual([expect.objectContaining({ sha: "1a1a1a1", release: "shop@1.4.0", title: "Payouts: new fee rounding", file: "src/payouts/fees.ts" })]);
  });

  it("are sent by the client package's faultline-release command from a repository's git log", async () => {
    const t = await createTenant("commits-cli");
    const member = await login(t.member);
    const token = ((await api("POST", "/api/v1/account/tokens", member, { name: "CI deploy", scope: "write" })).body as { token: string }).token;
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-release-"));
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Grace Hopper", "-c", "user.email=grace@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8" });
    git("init", "-q", "-b", "main");
    fs.writeFileSync(path.join(repo, "app.py"), "print(1)\n");
    git("add", ".");
    git("commit", "-q", "-m", "Start");
    git("tag", "v1");
    fs.mkdirSync(path.join(repo, "shop"));
    fs.writeFileSync(path.join(repo, "shop/cart.py"), "def total(): pass\n");
    git("add", ".");
    git("commit", "-q", "-m", "Cart: totals");

    const cli = path.resolve("packages/client/dist/release-cli.js");
    const env = { ...process.env, FAULTLINE_URL: BASE_URL, FAULTLINE_API_TOKEN: token, FAULTLINE_PROJECT: t.projectId };
    const run = spawnSync(process.execPath, [cli, "commits", "shop@2.0.0", "--range", "v1..HEAD"], { cwd: repo, env, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("1 commit(s) of v1..HEAD set for shop@2.0.0");
    expect(run.status).toBe(0);
    const listed = await api("GET", `/api/v1/projects/${t.projectId}/releases/${encodeURIComponent("shop@2.0.0")}/commits`, member);
    expect((listed.body as { commits: unknown[] }).commits).toEqual([expect.objectContaining({ message: "Cart: totals", authorName: "Grace Hopper", files: ["shop/cart.py"] })]);

    // --auto: the next release's range starts at the newest commit Faultline has of shop@2.0.0.
    fs.writeFileSync(path.join(repo, "shop/tax.py"), "RATE = 0.2\n");
    git("add", ".");
    git("commit", "-q", "-m", "Tax: rate");
    const auto = spawnSync(process.execPath, [cli, "commits", "shop@2.1.0", "--auto"], { cwd: repo, env, encoding: "utf8" });
    expect(auto.stderr).toBe("");
    const cartSha = git("rev-parse", "HEAD~1").trim();
    expect(auto.stdout).toContain(`1 commit(s) of ${cartSha}..HEAD (since shop@2.0.0) set for shop@2.1.0`);
    const next = await api("GET", `/api/v1/projects/${t.projectId}/releases/${encodeURIComponent("shop@2.1.0")}/commits`, member);
    expect(next.body).toMatchObject({ commits: [expect.objectContaining({ message: "Tax: rate", files: ["shop/tax.py"] })], previousHeads: [{ release: "shop@2.0.0", sha: cartSha }] });
    // Run again for shop@2.1.0, its own commits are not where it starts.
    expect(spawnSync(process.execPath, [cli, "commits", "shop@2.1.0", "--auto"], { cwd: repo, env, encoding: "utf8" }).stdout).toContain("(since shop@2.0.0)");
    const both = spawnSync(process.execPath, [cli, "commits", "shop@2.1.0", "--auto", "--range", "v1..HEAD"], { cwd: repo, env, encoding: "utf8" });
    expect(both.status).toBe(2);

    const unknownRange = spawnSync(process.execPath, [cli, "commits", "shop@2.0.0", "--range", "v9..HEAD"], { cwd: repo, env, encoding: "utf8" });
    expect(unknownRange.status).toBe(1);
    const usage = spawnSync(process.execPath, [cli, "commits"], { cwd: repo, env, encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Usage: faultline-release commits <release>");
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it("resolve the issues their messages say they fix, in the next release; a newer release's event reopens one", async () => {
    const t = await createTenant("commits-fix");
    const member = await login(t.member);
    const other = await createTenant("commits-fix-other");
    const posted = async (key: string, release: string, fn: string) => {
      const res = await postEvents(key, { type: "LedgerError", message: `${fn} failed`, release, stackTrace: `LedgerError: ${fn} failed\n    at ${fn} (/srv/app/src/ledger.ts:8:3)` });
      return ((await res.json()) as { accepted: { groupId: string }[] }).accepted[0]!.groupId;
    };
    const fixed = await posted(t.key, "shop@1.4.0", "post");
    const untouched = await posted(t.key, "shop@1.4.0", "lock");
    expect(untouched).not.toBe(fixed);
    const elsewhere = await posted(other.key, "shop@1.4.0", "post");
    const put = (commits: unknown[]) => api("PUT", `/api/v1/projects/${t.projectId}/releases/${encodeURIComponent("shop@1.5.0")}/commits`, member, { commits });
    const commits = [
      { sha: "f1e0000001", message: `Ledger: balance before posting\n\nFixes ${BASE_URL}/errors/${fixed}`, files: ["src/ledger.ts"] },
      { sha: "f1e0000002", message: `Fixes ${elsewhere}`, files: [] },
      { sha: "f1e0000003", message: `Mentions ${untouched} without fixing it`, files: [] },
    ];
    const first = await put(commits);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ release: "shop@1.5.0", commits: 3, resolvedIssues: [fixed] });
    const issue = async (id: string) => (await api("GET", `/api/v1/errors/${id}`, member)).body as { status: string; resolution: { resolution: string | null; resolvedBy: string | null }; statusDetails: unknown };
    expect(await issue(fixed)).toMatchObject({
      status: "resolved",
      resolution: { resolution: "Fixed by f1e0000001 in release shop@1.5.0: Ledger: balance before posting", resolvedBy: t.member.id },
      statusDetails: { inNextRelease: true },
    });
    expect((await issue(untouched)).status).not.toBe("resolved");
    expect((await api("GET", `/api/v1/errors/${elsewhere}`, await login(other.member))).body).toMatchObject({ status: "new" });

    // Sent again (a retried deploy step), nothing is new: an issue reopened by hand stays open.
    expect((await api("PATCH", `/api/v1/errors/${fixed}`, member, { status: "acknowledged" })).status).toBe(200);
    expect((await put(commits)).body).toMatchObject({ resolvedIssues: [] });
    expect((await issue(fixed)).status).toBe("acknowledged");

    // Resolved again by a new commit; an event of a newer release than the issue's is a regression.
    expect((await put([{ sha: "f1e0000004", message: `fix: ${fixed}` }, ...commits])).body).toMatchObject({ resolvedIssues: [fixed] });
    expect(await posted(t.key, "shop@1.6.0", "post")).toBe(fixed);
    await waitFor(async () => ((await issue(fixed)).status === "resolved" ? undefined : true));
    expect((await issue(fixed)).status).not.toBe("resolved");
  });
});
