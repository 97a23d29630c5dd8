import { execFileSync } from "node:child_process";
import { serverReason } from "./serverReason.js";

/** One commit as PUT /api/v1/projects/:id/releases/:version/commits takes it. */
export interface GitCommit {
  sha: string;
  message: string;
  author: { name?: string; email?: string };
  timestamp?: string;
  files: string[];
}

/** The most commits and paths per commit the server takes. */
export const MAX_COMMITS = 1000;
const MAX_FILES = 1000;

const RECORD = "\x1e";
const FIELD = "\x1f";
/** Hash, author name, author e-mail, committer date (ISO 8601), message — then the changed paths (`--name-only -z`). */
const FORMAT = `${RECORD}%H${FIELD}%an${FIELD}%ae${FIELD}%cI${FIELD}%B${FIELD}`;

/**
 * The commits of `range` ("v1.4.1..HEAD", or one ref: its whole history), newest first, with the
 * paths each changed (a rename as its old and new path; merges list none), at most 1,000, read with
 * `git log` in `cwd`.
 */
export function readGitCommits(range: string, cwd = process.cwd(), maxCount = MAX_COMMITS): GitCommit[] {
  const output = execFileSync("git", ["log", "-z", "--name-only", "--no-renames", `--format=${FORMAT}`, `--max-count=${Math.min(maxCount, MAX_COMMITS)}`, range, "--"], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return parseGitLog(output);
}

/** `git log -z --name-only` output in FORMAT, read into commits. */
export function parseGitLog(output: string): GitCommit[] {
  return output
    .split(RECORD)
    .filter((record) => record.trim() !== "")
    .map((record) => {
      const [sha, name, email, date, message, rest = ""] = record.split(FIELD);
      const files = rest
        .split("\0")
        .map((path) => path.replace(/^\n+/, ""))
        .filter((path) => path !== "")
        .slice(0, MAX_FILES);
      return {
        sha: sha.trim(),
        message: message.trim(),
        author: { ...(name && { name }), ...(email && { email }) },
        ...(date && { timestamp: date }),
        files,
      };
    });
}

export interface SetCommitsOptions {
  /** Faultline's base URL ("https://errors.example.com"). */
  url: string;
  /** A personal API token with write scope (`flt_…`) of a member or admin of the project's workspace. */
  token: string;
  projectId: string;
  release: string;
  commits: GitCommit[];
  fetch?: typeof fetch;
}

/** PUT the release's commits (replacing what was sent before); the error names the field when the server refuses. */
export async function setReleaseCommits(options: SetCommitsOptions): Promise<{ commits: number; resolvedIssues: string[] }> {
  const send = options.fetch ?? fetch;
  const res = await send(releaseCommitsUrl(options), {
    method: "PUT",
    headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
    body: JSON.stringify({ commits: options.commits }),
  });
  if (!res.ok) throw new Error(`${res.status} ${await serverReason(res)}`);
  const body = (await res.json().catch(() => null)) as { commits?: number; resolvedIssues?: string[] } | null;
  return { commits: body?.commits ?? options.commits.length, resolvedIssues: body?.resolvedIssues ?? [] };
}

/** Another release's newest commit, as the server lists them (`previousHeads`, the latest committed first). */
export interface ReleaseHead {
  release: string;
  sha: string;
}

/** The commits `--auto` sends when no earlier release's commit is in HEAD's history (a first release). */
export const INITIAL_DEPTH = 20;

/**
 * `--auto`: the range since the first listed release whose newest commit HEAD descends from (and is
 * not HEAD itself: that release is this one, deployed again under another name); null when none is.
 */
export function autoRange(heads: ReleaseHead[], isAncestorOfHead: (sha: string) => boolean, head: string): { range: string; since: string } | null {
  const found = heads.find((h) => !head.toLowerCase().startsWith(h.sha.toLowerCase()) && isAncestorOfHead(h.sha));
  return found ? { range: `${found.sha}..HEAD`, since: found.release } : null;
}

/** Whether `sha` is in HEAD's history in `cwd` (false for a commit this clone does not have). */
export function isAncestorOfHead(sha: string, cwd = process.cwd()): boolean {
  try {
    execFileSync("git", ["merge-base", "--is-ancestor", sha, "HEAD"], { cwd, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function headCommit(cwd = process.cwd()): string {
  return execFileSync("git", ["rev-parse", "HEAD"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** GET the release's commits list for the other releases' newest commits (`previousHeads`). */
export async function previousReleaseHeads(options: Omit<SetCommitsOptions, "commits">): Promise<ReleaseHead[]> {
  const send = options.fetch ?? fetch;
  const res = await send(releaseCommitsUrl(options), { headers: { authorization: `Bearer ${options.token}` } });
  if (!res.ok) throw new Error(`${res.status} ${await serverReason(res)}`);
  const body = (await res.json().catch(() => null)) as { previousHeads?: ReleaseHead[] } | null;
  return body?.previousHeads ?? [];
}

function releaseCommitsUrl(options: { url: string; projectId: string; release: string }): string {
  return `${options.url.replace(/\/+$/, "")}/api/v1/projects/${encodeURIComponent(options.projectId)}/releases/${encodeURIComponent(options.release)}/commits`;
}
