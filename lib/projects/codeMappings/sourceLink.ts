import type { CodeMapping } from "@/lib/projects/codeMappings/codeMappingSchema";
import { repositoryHost } from "@/lib/projects/codeMappings/repositoryHost";

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

/** The file a frame's path is in the repository: the mapping that decides it and the path under the repository's root. */
export interface MappedFile {
  mapping: CodeMapping;
  /** "backend/src/cart.ts": the source root and the rest of the frame's path, "/"-separated, not encoded. */
  path: string;
}

/**
 * Where a frame's file lives in the repository. `paths` are the frame's spellings of its file, in
 * order of preference (its filename, then its absolute path: Python's "app/views.py" and
 * "/srv/app/app/views.py"); the mapping with the longest stack root one of them starts with decides
 * the file (the earlier spelling on a tie). Undefined when no mapping matches.
 */
export function mappedFile(paths: ReadonlyArray<string | undefined>, mappings: readonly CodeMapping[]): MappedFile | undefined {
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
  const path = [best.mapping.sourceRoot, best.file.slice(best.root.length)]
    .join("/")
    .split("/")
    .filter((s) => s !== "" && s !== ".")
    .join("/");
  return path ? { mapping: best.mapping, path } : undefined;
}

/**
 * A link to a frame's source in the repository (see mappedFile), at the line. The ref is the
 * release's commit, else the mapping's default branch. Undefined when no mapping matches.
 */
export function sourceLink(paths: ReadonlyArray<string | undefined>, line: number | undefined, mappings: readonly CodeMapping[], release: string | null): string | undefined {
  const file = mappedFile(paths, mappings);
  if (!file) return undefined;
  const commit = releaseCommit(release);
  const ref = commit ?? file.mapping.defaultBranch;
  return linkFor(file.mapping.repositoryUrl, ref, file.path.split("/").map(encodeURIComponent).join("/"), line, commit !== undefined);
}

/** A commit's page in the repository (GitHub, GitLab, Bitbucket, Azure DevOps); undefined for a template mapping. */
export function commitLink(repositoryUrl: string, sha: string): string | undefined {
  if (repositoryUrl.includes("{path}")) return undefined;
  const repo = repositoryUrl.replace(/\/+$/, "").replace(/\.git$/, "");
  const host = repositoryHost(repo);
  if (host === "bitbucket") return `${repo}/commits/${sha}`;
  if (host === "gitlab") return `${repo}/-/commit/${sha}`;
  return `${repo}/commit/${sha}`;
}

function linkFor(repositoryUrl: string, ref: string, path: string, line: number | undefined, isCommit: boolean): string {
  if (repositoryUrl.includes("{path}")) {
    return repositoryUrl.replaceAll("{ref}", encodeURIComponent(ref)).replaceAll("{path}", path).replaceAll("{line}", line === undefined ? "" : String(line));
  }
  const repo = repositoryUrl.replace(/\/+$/, "").replace(/\.git$/, "");
  const host = repositoryHost(repo);
  const refPath = ref.split("/").map(encodeURIComponent).join("/");
  if (host === "azure") {
    return `${repo}?path=/${path}&version=${isCommit ? "GC" : "GB"}${encodeURIComponent(ref)}${line === undefined ? "" : `&line=${line}&lineEnd=${line + 1}&lineStartColumn=1&lineEndColumn=1`}`;
  }
  if (host === "bitbucket") return `${repo}/src/${refPath}/${path}${line === undefined ? "" : `#lines-${line}`}`;
  if (host === "gitlab") return `${repo}/-/blob/${refPath}/${path}${line === undefined ? "" : `#L${line}`}`;
  return `${repo}/blob/${refPath}/${path}${line === undefined ? "" : `#L${line}`}`;
}
