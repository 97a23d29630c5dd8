import type { CodeMapping } from "@/lib/projects/codeMappings/codeMappingSchema";
import { commitLink, mappedFile, normaliseStackPath } from "@/lib/projects/codeMappings/sourceLink";
import { commitTitle, type ReleaseCommitDto } from "@/lib/releases/commits/releaseCommitSchemas";

/** A frame as the event view shows it (only what matching reads). */
export interface SuspectFrame {
  function?: string;
  filename?: string;
  absPath?: string;
  lineno?: number;
  inApp?: boolean;
}

/** A release's commit, as the suspects are picked from (the release it shipped in beside it). */
export type ShippedCommit = ReleaseCommitDto & { release: string };

/** A commit of the event's release (or the first) that changed a file one of its application frames is in. */
export interface SuspectCommit {
  sha: string;
  /** The release it shipped in. */
  release: string;
  /** The message's first line. */
  title: string;
  authorName: string | null;
  authorEmail: string | null;
  committedAt: string | null;
  /** The changed file, as the commit names it. */
  file: string;
  /** The frame in that file, innermost first: `function` at `filename`:`lineno`. */
  frame: { function: string | null; filename: string | null; lineno: number | null };
  /** The commit's page, when a code mapping names the repository. */
  url: string | null;
}

/** Suspects shown at most. */
export const MAX_SUSPECTS = 3;
/** Application frames (innermost first) looked at. */
const FRAMES_LOOKED_AT = 20;

/**
 * The commits most likely to have caused the event, from those of the releases given (the issue's
 * first release, where the bug shipped, then the event's own): those that changed a file an
 * application frame is in, the frame closest to where the error was raised first, then the order
 * given (each release's newest first). A frame's file is the code mapping's repository path when one matches (an exact match),
 * else its own path, which matches a changed file when they end in the same two or more path
 * segments (or in the whole of a file at the repository's root): a file name alone — index.ts,
 * utils.py — is too weak a link. `frames` outermost first as events store them; `commits` newest first.
 */
export function suspectCommits(frames: readonly SuspectFrame[], commits: readonly ShippedCommit[], mappings: readonly CodeMapping[]): SuspectCommit[] {
  if (commits.length === 0) return [];
  const appFrames = frames.filter((f) => f.inApp !== false && (f.filename || f.absPath)).reverse().slice(0, FRAMES_LOOKED_AT);
  const found = new Map<string, { depth: number; exact: boolean; position: number; suspect: SuspectCommit }>();
  appFrames.forEach((frame, depth) => {
    const mapped = mappedFile([frame.filename, frame.absPath], mappings);
    const spellings = [frame.filename, frame.absPath].filter((p): p is string => Boolean(p)).map(segmentsOf);
    commits.forEach((commit, position) => {
      if (found.has(commit.sha)) return; // an earlier (inner) frame already names it
      for (const file of commit.files) {
        const exact = mapped !== undefined && normaliseStackPath(file) === mapped.path;
        if (!exact && !spellings.some((frameParts) => tailMatches(frameParts, segmentsOf(file)))) continue;
        const repositoryUrl = mapped?.mapping.repositoryUrl ?? mappings[0]?.repositoryUrl;
        found.set(commit.sha, {
          depth,
          exact,
          position,
          suspect: {
            sha: commit.sha,
            release: commit.release,
            title: commitTitle(commit.message).slice(0, 200),
            authorName: commit.authorName,
            authorEmail: commit.authorEmail,
            committedAt: commit.committedAt,
            file,
            frame: { function: frame.function ?? null, filename: frame.filename ?? frame.absPath ?? null, lineno: frame.lineno ?? null },
            url: repositoryUrl ? (commitLink(repositoryUrl, commit.sha) ?? null) : null,
          },
        });
        return;
      }
    });
  });
  return [...found.values()]
    .sort((a, b) => a.depth - b.depth || Number(b.exact) - Number(a.exact) || a.position - b.position)
    .slice(0, MAX_SUSPECTS)
    .map((entry) => entry.suspect);
}

function segmentsOf(path: string): string[] {
  return normaliseStackPath(path)
    .split("/")
    .filter((s) => s !== "" && s !== ".");
}

/** The frame's path ends in the changed file's last two segments or more, or in all of a one-segment file. */
function tailMatches(frameParts: string[], fileParts: string[]): boolean {
  const needed = Math.min(2, fileParts.length);
  if (needed === 0 || frameParts.length < needed) return false;
  for (let i = 1; i <= needed; i++) if (frameParts[frameParts.length - i] !== fileParts[fileParts.length - i]) return false;
  return true;
}
