import { describe, expect, it } from "vitest";
import { compareVersions, isNewerRelease, parseVersion } from "@/lib/errors/triage/compareReleases";

const v = (s: string) => parseVersion(s)!;
const newer = (candidate: string | null, baseline: string | null, firstSeenAfter?: boolean) =>
  isNewerRelease({
    candidate,
    baseline,
    resolvedAt: new Date("2026-01-01T00:00:00Z"),
    candidateFirstSeen: firstSeenAfter === undefined ? null : new Date(firstSeenAfter ? "2026-01-02T00:00:00Z" : "2025-12-31T00:00:00Z"),
  });

describe("release comparison", () => {
  it("orders semver versions, pre-releases before the release", () => {
    const sorted = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2", "1.10.0", "v2.0.0"];
    for (let i = 1; i < sorted.length; i++) expect(compareVersions(v(sorted[i - 1]), v(sorted[i])), `${sorted[i - 1]} < ${sorted[i]}`).toBeLessThan(0);
    expect(compareVersions(v("1.2.3+build.5"), v("1.2.3"))).toBe(0);
    expect(parseVersion("web@3.1.0")).toEqual({ pkg: "web", parts: [3, 1, 0, 0], pre: [] });
    expect(parseVersion("@scope/pkg@1.0.0")?.pkg).toBe("@scope/pkg");
    expect(parseVersion("a1b2c3d")).toBeNull();
  });

  it("only a newer release reopens an issue resolved in the next release", () => {
    expect(newer("web@3.1.1", "web@3.1.0")).toBe(true);
    expect(newer("web@3.1.0", "web@3.1.0")).toBe(false);
    expect(newer("web@3.0.9", "web@3.1.0")).toBe(false);
    expect(newer("web@3.2.0-rc.1", "web@3.1.0")).toBe(true);
    expect(newer(null, "web@3.1.0")).toBe(false);
    expect(newer("1.0.0", null)).toBe(true);
    // Not comparable (SHAs, another package): newer when first seen after the resolution.
    expect(newer("9f8e7d6", "a1b2c3d", true)).toBe(true);
    expect(newer("9f8e7d6", "a1b2c3d", false)).toBe(false);
    expect(newer("api@2.0.0", "web@1.0.0", true)).toBe(true);
    expect(newer("9f8e7d6", "a1b2c3d")).toBe(false);
  });
});

describe("latest release of an issue", () => {
  const at = (d: string) => new Date(`2026-01-${d}T00:00:00Z`);
  it("is the highest version, else the release that appeared last", async () => {
    const { latestRelease } = await import("@/lib/errors/triage/latestRelease");
    expect(latestRelease([{ value: "shop@1.4.0", firstSeen: at("01") }, { value: "shop@1.3.9", firstSeen: at("02") }])).toBe("shop@1.4.0");
    expect(latestRelease([{ value: "a1b2c3d", firstSeen: at("03") }, { value: "9f8e7d6", firstSeen: at("02") }])).toBe("a1b2c3d");
    expect(latestRelease([{ value: "web@2.0.0", firstSeen: at("01") }, { value: "api@1.0.0", firstSeen: at("05") }])).toBe("api@1.0.0");
    expect(latestRelease([])).toBeNull();
  });
});
