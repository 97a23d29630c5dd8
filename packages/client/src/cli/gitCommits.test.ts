import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autoRange, headCommit, isAncestorOfHead, parseGitLog, readGitCommits, setReleaseCommits } from "./gitCommits.js";

/** A real repository: three commits, one with a multi-line message, a path with spaces and a rename. */
let repo: string;
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Ada Lovelace", "-c", "user.email=ada@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_COMMITTER_DATE: "2026-12-05T10:00:00+00:00", GIT_AUTHOR_DATE: "2026-12-05T10:00:00+00:00" },
  });

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-git-"));
  git("init", "-q", "-b", "main");
  fs.mkdirSync(path.join(repo, "src/billing"), { recursive: true });
  fs.writeFileSync(path.join(repo, "src/billing/invoice.ts"), "export const total = 1;\n");
  fs.writeFileSync(path.join(repo, "README.md"), "shop\n");
  git("add", ".");
  git("commit", "-q", "-m", "Initial shop");
  git("tag", "v1.0.0");
  fs.writeFileSync(path.join(repo, "src/billing/invoice.ts"), "export const total = 2;\n");
  fs.writeFileSync(path.join(repo, "src/billing/tax rules.ts"), "export const vat = 0.2;\n");
  git("add", ".");
  git("commit", "-q", "-m", "Billing: round totals per line\n\nFixes #88");
  git("mv", "README.md", "docs.md");
  git("commit", "-q", "-m", "Docs: rename");
});
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

describe("readGitCommits", () => {
  it("reads a range's commits newest first, with their author, time, whole message and changed paths", () => {
    const commits = readGitCommits("v1.0.0..HEAD", repo);
    expect(commits.map((c) => c.message)).toEqual(["Docs: rename", "Billing: round totals per line\n\nFixes #88"]);
    expect(commits[1]).toMatchObject({ author: { name: "Ada Lovelace", email: "ada@example.com" }, timestamp: "2026-12-05T10:00:00+00:00", files: ["src/billing/invoice.ts", "src/billing/tax rules.ts"] });
    expect(commits[0].files).toEqual(["README.md", "docs.md"]);
    expect(commits[0].sha).toMatch(/^[0-9a-f]{40}$/);
    expect(readGitCommits("HEAD", repo)).toHaveLength(3);
  });

  it("reads at most maxCount commits", () => {
    expect(readGitCommits("HEAD", repo, 2).map((c) => c.message)).toEqual(["Docs: rename", "Billing: round totals per line\n\nFixes #88"]);
  });

  it("fails clearly on a range git does not know", () => {
    expect(() => readGitCommits("v9.9.9..HEAD", repo)).toThrow();
  });
});

describe("parseGitLog", () => {
  it("reads nothing from nothing", () => {
    expect(parseGitLog("")).toEqual([]);
  });
});

describe("setReleaseCommits", () => {
  it("PUTs the commits to the release with the token, and names the field the server refused", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const answer = (status: number, body: unknown): typeof fetch => async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    };
    const commits = [{ sha: "abcdef1", message: "x", author: {}, files: [] }];
    const ok = await setReleaseCommits({ url: "https://errors.example.com/", token: "flt_t", projectId: "p1", release: "shop@1.4.2", commits, fetch: answer(200, { release: "shop@1.4.2", commits: 1 }) });
    expect(ok).toEqual({ commits: 1, resolvedIssues: [] });
    expect(calls[0].url).toBe("https://errors.example.com/api/v1/projects/p1/releases/shop%401.4.2/commits");
    expect(calls[0].init).toMatchObject({ method: "PUT", headers: { authorization: "Bearer flt_t" } });
    await expect(
      setReleaseCommits({ url: "https://e", token: "t", projectId: "p", release: "r", commits, fetch: answer(422, { error: { message: "invalid body", issues: [{ path: "commits[0].sha", message: "a commit hash" }] } }) }),
    ).rejects.toThrow("422 invalid body; commits[0].sha: a commit hash");
  });
});

describe("autoRange (--auto)", () => {
  it("starts at the first listed release's newest commit HEAD descends from", () => {
    const [second, first] = readGitCommits("HEAD~1", repo, 2).map((c) => c.sha);
    const head = headCommit(repo);
    const other = "0123456789abcdef0123456789abcdef01234567"; // not in this clone
    const heads = [
      { release: "shop@9.0.0", sha: other },
      { release: "shop@1.1.0", sha: second.slice(0, 12) },
      { release: "shop@1.0.0", sha: first },
    ];
    const ancestor = (sha: string) => isAncestorOfHead(sha, repo);
    expect(autoRange(heads, ancestor, head)).toEqual({ range: `${second.slice(0, 12)}..HEAD`, since: "shop@1.1.0" });
    expect(readGitCommits(autoRange(heads, ancestor, head)!.range, repo).map((c) => c.message)).toEqual(["Docs: rename"]);
    // HEAD itself (the same commit deployed under another name) is no start; nothing left: null.
    expect(autoRange([{ release: "shop@1.2.0", sha: head }], ancestor, head)).toBeNull();
    expect(autoRange([{ release: "shop@9.0.0", sha: other }], ancestor, head)).toBeNull();
    expect(autoRange([], ancestor, head)).toBeNull();
  });
});
