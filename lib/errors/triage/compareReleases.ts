/**
 * "Resolved in the next release": which releases count as newer than the one current at resolution.
 * Versions that read as semver (`1.2.3`, `v2.0.0-rc.1`, `web@3.1.0+build`) of the same package are
 * compared by semver precedence; anything else (commit SHAs, dates, names) counts as newer when the
 * issue first saw that release after it was resolved.
 */

interface Version {
  pkg: string;
  parts: number[];
  pre: string[];
}

const VERSION = /^v?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(release: string): Version | null {
  const at = release.lastIndexOf("@");
  const pkg = at > 0 ? release.slice(0, at) : "";
  const m = VERSION.exec(at > 0 ? release.slice(at + 1) : release);
  if (!m) return null;
  const parts = [m[1], m[2], m[3], m[4]].map((p) => Number(p ?? 0));
  return { pkg, parts, pre: m[5] ? m[5].split(".") : [] };
}

/** Semver precedence: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 4; i++) if (a.parts[i] !== b.parts[i]) return a.parts[i] - b.parts[i];
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return Number(x) - Number(y);
    if (xn !== yn) return xn ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.pre.length - b.pre.length;
}

export interface NewerReleaseInput {
  candidate: string | null;
  /** The latest release when it was resolved; null when it had none. */
  baseline: string | null;
  /** When the issue first saw the candidate release, and when it was resolved. */
  candidateFirstSeen: Date | null;
  resolvedAt: Date | null;
}

export function isNewerRelease(input: NewerReleaseInput): boolean {
  const { candidate, baseline } = input;
  if (!candidate) return false;
  if (!baseline) return true;
  if (candidate === baseline) return false;
  const a = parseVersion(candidate);
  const b = parseVersion(baseline);
  if (a && b && a.pkg === b.pkg) return compareVersions(a, b) > 0;
  if (!input.candidateFirstSeen || !input.resolvedAt) return false;
  return input.candidateFirstSeen.getTime() > input.resolvedAt.getTime();
}
