import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { mapCheckIn, normaliseSlug } from "@/lib/sentry/mapCheckIn";

const ID = "83a7c03ed0a04e1b97e2e3b18d38f244";

function refusal(payload: unknown): { status: number; field: unknown; message: string } {
  try {
    mapCheckIn(payload, "envelope item 0");
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, field: (error.details as { field?: unknown } | undefined)?.field, message: error.message };
    throw error;
  }
  throw new Error("accepted");
}

describe("mapCheckIn", () => {
  it("maps what @sentry/node's captureCheckIn sends, with its monitor_config", () => {
    const checkIn = mapCheckIn(
      {
        check_in_id: ID,
        monitor_slug: "nightly-report",
        status: "ok",
        duration: 12.3456,
        release: "api@2.1.0",
        environment: "production",
        monitor_config: { schedule: { type: "crontab", value: "0 3 * * *" }, checkin_margin: 5, max_runtime: 20, timezone: "Europe/Berlin", failure_issue_threshold: 2 },
        contexts: { trace: { trace_id: "a".repeat(32) } },
      },
      "envelope item 0",
    );
    expect(checkIn).toEqual({
      checkInId: "83a7c03e-d0a0-4e1b-97e2-e3b18d38f244",
      latest: false,
      slug: "nightly-report",
      status: "ok",
      durationMs: 12346,
      environment: "production",
      release: "api@2.1.0",
      settings: {
        schedule: { type: "crontab", value: "0 3 * * *" },
        timezone: "Europe/Berlin",
        checkinMargin: 5,
        maxRuntime: 20,
        failureIssueThreshold: 2,
        recoveryThreshold: 1,
      },
    });
  });

  it("takes interval schedules, null settings as defaults, and gives a run without an id one", () => {
    const checkIn = mapCheckIn(
      { monitor_slug: "Billing Sync!", status: "in_progress", monitor_config: { schedule: { type: "interval", value: "2", unit: "hour" }, checkin_margin: null, timezone: null } },
      "x",
    );
    expect(checkIn.slug).toBe("billing-sync");
    expect(checkIn.checkInId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(checkIn.environment).toBe("production");
    expect(checkIn.durationMs).toBeNull();
    expect(checkIn.settings).toEqual({ schedule: { type: "interval", value: 2, unit: "hour" }, timezone: "UTC", checkinMargin: 1, maxRuntime: 30, failureIssueThreshold: 1, recoveryThreshold: 1 });
  });

  it('takes check_in_id "latest" (close the newest run in progress) with a fresh id to fall back on', () => {
    const checkIn = mapCheckIn({ monitor_slug: "a", status: "ok", check_in_id: "latest" }, "x");
    expect(checkIn.latest).toBe(true);
    expect(checkIn.checkInId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("takes a duration in seconds, as a number or a query string's text; none when absent", () => {
    expect(mapCheckIn({ monitor_slug: "a", status: "ok", duration: "2.5" }, "x").durationMs).toBe(2500);
    expect(mapCheckIn({ monitor_slug: "a", status: "ok", duration: 0 }, "x").durationMs).toBe(0);
    for (const duration of [null, undefined, "", " "]) expect(mapCheckIn({ monitor_slug: "a", status: "ok", duration }, "x").durationMs).toBeNull();
  });

  it("refuses a duration that is not a sensible number of seconds with 400 naming it (it was dropped, the run stored without one)", () => {
    for (const duration of [-1, -5, "-5", "soon", Number.NaN, Number.POSITIVE_INFINITY, "1e400", 1e12, "12s", true, {}, [3]]) {
      expect(refusal({ monitor_slug: "a", status: "ok", duration })).toMatchObject({ status: 400, field: "duration", message: expect.stringContaining("duration must be a number of seconds") });
    }
  });

  it("refuses a slug longer than 64 characters with 400 naming it, rather than cutting it (two long slugs were one monitor)", () => {
    expect(mapCheckIn({ monitor_slug: "x".repeat(64), status: "ok" }, "x").slug).toHaveLength(64);
    expect(refusal({ monitor_slug: "x".repeat(65), status: "ok" })).toMatchObject({ status: 400, field: "monitor_slug", message: expect.stringContaining("at most 64") });
    expect(refusal({ monitor_slug: "j".repeat(300), status: "ok" })).toMatchObject({ status: 400, field: "monitor_slug" });
  });

  it.each([
    [null, "envelope item 0", "must be a JSON object"],
    [[], "envelope item 0", "must be a JSON object"],
    [{ status: "ok" }, "monitor_slug", "monitor_slug is required"],
    [{ monitor_slug: "!!!", status: "ok" }, "monitor_slug", "monitor_slug is required"],
    [{ monitor_slug: "a", status: "done" }, "status", "status must be one of in_progress, ok, error"],
    [{ monitor_slug: "a" }, "status", "status must be one of"],
    [{ monitor_slug: "a", status: "ok", check_in_id: "not-a-uuid" }, "check_in_id", "must be a UUID"],
    [{ monitor_slug: "a", status: "ok", monitor_config: { schedule: { type: "crontab", value: "61 * * * *" } } }, "monitor_config.schedule.value", "minute: 61 is out of range 0-59"],
    [{ monitor_slug: "a", status: "ok", monitor_config: { schedule: { type: "crontab", value: "0 0 31 2 *" } } }, "monitor_config.schedule.value", "never fires"],
    [{ monitor_slug: "a", status: "ok", monitor_config: { schedule: { type: "interval", value: 0, unit: "hour" } } }, "monitor_config.schedule.value", ""],
    [{ monitor_slug: "a", status: "ok", monitor_config: { schedule: { type: "interval", value: 1, unit: "fortnight" } } }, "monitor_config.schedule.unit", ""],
    [{ monitor_slug: "a", status: "ok", monitor_config: { schedule: { type: "weekly" } } }, "monitor_config.schedule.type", ""],
    [{ monitor_slug: "a", status: "ok", monitor_config: {} }, "monitor_config.schedule", ""],
    [{ monitor_slug: "a", status: "ok", monitor_config: { schedule: { type: "crontab", value: "* * * * *" }, timezone: "Mars/Olympus" } }, "monitor_config.timezone", "IANA time zone"],
    [{ monitor_slug: "a", status: "ok", monitor_config: { schedule: { type: "crontab", value: "* * * * *" }, max_runtime: 0 } }, "monitor_config.max_runtime", ""],
  ])("refuses %j with 400 naming %s", (payload, field, message) => {
    const refused = refusal(payload);
    expect(refused.status).toBe(400);
    expect(refused.field).toBe(field);
    expect(refused.message).toContain(message);
  });

  it("normalises slugs as Sentry does", () => {
    expect(normaliseSlug("  Nightly Report (EU) ")).toBe("nightly-report-eu");
    expect(normaliseSlug("a_b-c")).toBe("a_b-c");
    expect(normaliseSlug("x".repeat(100))).toHaveLength(100);
    expect(normaliseSlug(42)).toBe("42");
    expect(normaliseSlug({})).toBeUndefined();
  });
});

describe("mapCheckIn scrubbing", () => {
  it("hides secrets in the release and environment a check-in names", () => {
    const checkIn = mapCheckIn({ monitor_slug: "nightly", status: "ok", release: "api@2 password=hunter2SECRETpw", environment: "prod token=abcdef123456" }, "envelope item 0");
    expect(checkIn.release).toBe("api@2 password=[Filtered]");
    expect(checkIn.environment).toBe("prod token=[Filtered]");
  });
});
