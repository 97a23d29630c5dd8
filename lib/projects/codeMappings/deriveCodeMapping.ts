import type { CodeMapping } from "@/lib/projects/codeMappings/codeMappingSchema";
import { basename } from "@/lib/ingest/stacktrace/location";
import { repositoryHost } from "@/lib/projects/codeMappings/repositoryHost";
import { normaliseStackPath } from "@/lib/projects/codeMappings/sourceLink";

/** A repository file's web address, read into its parts. */
export interface RepositoryFile {
  /** The repository's own URL, as a code mapping stores it ("https://github.com/acme/shop"). */
  repositoryUrl: string;
  /** The branch, tag or commit the address shows the file at. */
  ref: string;
  /** The file's path in the repository ("backend/src/billing/invoice.ts"). */
  path: string;
}

export type DerivedCodeMapping = { ok: true; mapping: CodeMapping; refIsCommit: boolean } | { ok: false; reason: string };

const COMMIT = /^[0-9a-f]{7,40}$/i;

/**
 * Reads the address of a file as GitHub, GitLab, Bitbucket and Azure DevOps show it:
 *   https://github.com/acme/shop/blob/main/backend/src/invoice.ts#L12
 *   https://gitlab.com/group/sub/shop/-/blob/main/backend/src/invoice.ts
 *   https://bitbucket.org/acme/shop/src/main/backend/src/invoice.ts#lines-12
 *   https://dev.azure.com/acme/shop/_git/shop?path=/backend/src/invoice.ts&version=GBmain
 * The ref is taken as the one path segment after blob/src: a branch with a slash in its name reads
 * as a branch and a folder (edit the mapping's roots in Settings then). Null for anything else.
 */
export function parseRepositoryFileUrl(address: string): RepositoryFile | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = repositoryHost(url.href);
  const segments = url.pathname.split("/").filter(Boolean).map(safeDecode);
  const origin = `${url.protocol}//${url.host}`;

  if (host === "azure") {
    const git = segments.indexOf("_git");
    const path = url.searchParams.get("path");
    if (git < 1 || git + 1 >= segments.length || !path) return null;
    const version = url.searchParams.get("version") ?? "GBmain";
    const ref = version.replace(/^G[BCT]/, "");
    return { repositoryUrl: `${origin}/${segments.slice(0, git + 2).map(encodeURIComponent).join("/")}`, ref, path: trimSlashes(path) };
  }
  // GitLab puts "-" before blob; GitHub and self-hosted Gitea/Forgejo use blob; Bitbucket src.
  const marker = segments.findIndex((s, i) => i >= 2 && (s === "blob" || (s === "src" && host === "bitbucket")));
  if (marker < 0 || marker + 2 >= segments.length) return null;
  const repoSegments = segments.slice(0, segments[marker - 1] === "-" ? marker - 1 : marker);
  if (repoSegments.length < 2) return null;
  return {
    repositoryUrl: `${origin}/${repoSegments.map(encodeURIComponent).join("/")}`,
    ref: segments[marker + 1],
    path: segments.slice(marker + 2).join("/"),
  };
}

/**
 * The code mapping that links a frame to a file the user opened in the repository: the longest
 * run of trailing path segments the frame's path and the file's path share is the same file; what
 * comes before it in the frame is the stack root, in the repository the source root. Each of the
 * frame's spellings (its filename, then its absolute path) is tried and the one sharing more
 * segments wins. The ref becomes the branch unless it is a commit (then "main": the release's own
 * commit is used whenever the release names one).
 */
export function deriveCodeMapping(framePaths: ReadonlyArray<string | undefined>, fileAddress: string): DerivedCodeMapping {
  const file = parseRepositoryFileUrl(fileAddress);
  if (!file) return { ok: false, reason: "Paste the address of the file as your repository host shows it (…/blob/<branch>/<path> on GitHub)." };
  const repoParts = file.path.split("/").filter(Boolean);
  let best: { stackParts: string[]; shared: number; absolute: boolean } | undefined;
  for (const spelling of framePaths) {
    if (!spelling) continue;
    const normalised = normaliseStackPath(spelling);
    const stackParts = normalised.split("/").filter((s) => s !== "" && s !== ".");
    const shared = sharedTail(stackParts, repoParts);
    if (shared > 0 && (!best || shared > best.shared)) best = { stackParts, shared, absolute: normalised.startsWith("/") };
  }
  const frameName = basename(framePaths.find(Boolean) ?? "");
  if (!best) return { ok: false, reason: `That file is not ${frameName || "the frame's file"}: the file names differ.` };
  const stackRootParts = best.stackParts.slice(0, best.stackParts.length - best.shared);
  const sourceRootParts = repoParts.slice(0, repoParts.length - best.shared);
  const stackRoot = stackRootParts.length === 0 ? (best.absolute ? "/" : "") : `${best.absolute ? "/" : ""}${stackRootParts.join("/")}/`;
  const refIsCommit = COMMIT.test(file.ref);
  return {
    ok: true,
    refIsCommit,
    mapping: {
      stackRoot,
      sourceRoot: sourceRootParts.length === 0 ? "" : `${sourceRootParts.join("/")}/`,
      repositoryUrl: file.repositoryUrl,
      defaultBranch: refIsCommit ? "main" : file.ref,
    },
  };
}

/** How many trailing segments two paths share (compared as they are: paths are case-sensitive). */
function sharedTail(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, "");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
