import type { CodeMapping } from "@/lib/projects/codeMappings/codeMappingSchema";

/**
 * A path as stack traces spell it, reduced to what a code mapping's stack root is compared with:
 * bundler and app schemes removed (webpack://shop/./src/x.ts, app:///dist/x.js, file:///srv/x.py),
 * backslashes as slashes (C:\app\src\X.cs), no leading "./".
 */
export function normaliseStackPath(path: string): string {
  return path
    .replace(/\\/g, "/")
    .replace(/^webpack:\/\/[^/]*\//, "")
    .replace(/^(app|file):\/\/\/?/, (_m, scheme: string) => (scheme === "file" ? "/" : ""))
    .replace(/^\/+(?=[A-Za-z]:\/)/, "")
    .replace(/^(\.\/)+/, "");
}

/** The commit a release names, when it does: the release itself or its suffix after @, - or + ("shop@4f2a9c1e"). */
export function releaseCommit(release: string | null): string | undefined {
  return release ? /(?:^|[@+-])([0-9a-f]{7,40})$/i.exec(release)?.[1] : undefined;
}

/**
 * Where a frame's source lives in the repository. `paths` are the frame's spellings of its file, in
 * order of preference (its filename, then its absolute path: Python's "app/views.py" and
 * "/srv/app/app/views.py"); the mapping with the longest stack root one of them starts with decides
 * the file (the earlier spelling on a tie). The ref is the release's commit, else the mapping's
 * default branch. Undefined when no mapping matches.
 */
export function sourceLink(paths: ReadonlyArray<string | undefined>, line: number | undefined, mappings: readonly CodeMapping[], release: string | null): string | undefined {
  if (mappings.length === 0) return undefined;
  let best: { mapping: CodeMapping; root: string; file: string } | undefined;
  for (const path of paths) {
    if (!path) continue;
    const file = normaliseStackPath(path);
    for (const mapping of mappings) {
      const root = normaliseStackPath(mapping.stackRoot);
      if (file.startsWith(root) && (!best || root.length > best.root.length)) best = { mapping, root, file };
    }
  }
  if (!best) return undefined;
  const rest = best.file.slice(best.root.length);
  const repoPath = [best.mapping.sourceRoot, rest]
    .join("/")
    .split("/")
    .filter((s) => s !== "" && s !== ".")
    .map(encodeURIComponent)
    .join("/");
  if (!repoPath) return undefined;
  const commit = releaseCommit(release);
  const ref = commit ?? best.mapping.defaultBranch;
  return linkFor(best.mapping.repositoryUrl, ref, repoPath, line, commit !== undefined);
}

function linkFor(repositoryUrl: string, ref: string, path: string, line: number | undefined, isCommit: boolean): string {
  if (repositoryUrl.includes("{path}")) {
    return repositoryUrl.replaceAll("{ref}", encodeURIComponent(ref)).replaceAll("{path}", path).replaceAll("{line}", line === undefined ? "" : String(line));
  }
  const repo = repositoryUrl.replace(/\/+$/, "").replace(/\.git$/, "");
  const host = hostOf(repo);
  const refPath = ref.split("/").map(encodeURIComponent).join("/");
  if (/(^|\.)dev\.azure\.com$|\.visualstudio\.com$/.test(host)) {
    return `${repo}?path=/${path}&version=${isCommit ? "GC" : "GB"}${encodeURIComponent(ref)}${line === undefined ? "" : `&line=${line}&lineEnd=${line + 1}&lineStartColumn=1&lineEndColumn=1`}`;
  }
  if (/(^|\.)bitbucket\.org$/.test(host)) return `${repo}/src/${refPath}/${path}${line === undefined ? "" : `#lines-${line}`}`;
  if (/gitlab/.test(host)) return `${repo}/-/blob/${refPath}/${path}${line === undefined ? "" : `#L${line}`}`;
  return `${repo}/blob/${refPath}/${path}${line === undefined ? "" : `#L${line}`}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return "";
  }
}
