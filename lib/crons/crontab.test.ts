import { describe, expect, it } from "vitest";
import { type Crontab, isKnownTimezone, nextCrontabTick, parseCrontab } from "@/lib/crons/crontab";

function parse(expression: string): Crontab {
  const result = parseCrontab(expression);
  if ("error" in result) throw new Error(`unexpected error for "${expression}": ${result.error}`);
  return result.crontab;
}

function range(from: number, to: number, step = 1): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

/** The next tick as an ISO string (or null), for compact assertions. */
function next(expression: string, after: string, timezone = "UTC"): string | null {
  return nextCrontabTick(parse(expression), new Date(after), timezone)?.toISOString() ?? null;
}

describe("parseCrontab", () => {
  it("parses `*` as every value of each field", () => {
    expect(parse("* * * * *")).toEqual({
      minutes: range(0, 59),
      hours: range(0, 23),
      daysOfMonth: range(1, 31),
      months: range(1, 12),
      daysOfWeek: range(0, 6),
      domRestricted: false,
      dowRestricted: false,
    });
  });

  it.each([
    ["single number", "5", [5]],
    ["range", "10-13", [10, 11, 12, 13]],
    ["step over *", "*/15", [0, 15, 30, 45]],
    ["step over a range", "10-30/10", [10, 20, 30]],
    ["step from a start to the maximum", "50/3", [50, 53, 56, 59]],
    ["comma list", "1,2,3", [1, 2, 3]],
    ["list of mixed forms, sorted and deduplicated", "40-42,*/20,5,41", [0, 5, 20, 40, 41, 42]],
    ["step larger than the range", "*/90", [0]],
    ["leading zeros", "07", [7]],
  ])("minute field: %s (%s)", (_name, field, minutes) => {
    expect(parse(`${field} * * * *`).minutes).toEqual(minutes);
  });

  it("applies the same syntax to every field", () => {
    const crontab = parse("0 9-17/4 1,15 */3 1-5");
    expect(crontab.minutes).toEqual([0]);
    expect(crontab.hours).toEqual([9, 13, 17]);
    expect(crontab.daysOfMonth).toEqual([1, 15]);
    expect(crontab.months).toEqual([1, 4, 7, 10]);
    expect(crontab.daysOfWeek).toEqual([1, 2, 3, 4, 5]);
  });

  it("accepts month and day names in any case, also in ranges and lists", () => {
    const crontab = parse("0 0 * jan,Mar-MAY,dec mon-FRI,sun");
    expect(crontab.months).toEqual([1, 3, 4, 5, 12]);
    expect(crontab.daysOfWeek).toEqual([0, 1, 2, 3, 4, 5]);
    expect(parse("0 0 * * SAT/1").daysOfWeek).toEqual([0, 6]);
  });

  it("treats 7 as Sunday (0)", () => {
    expect(parse("0 0 * * 0").daysOfWeek).toEqual([0]);
    expect(parse("0 0 * * 7").daysOfWeek).toEqual([0]);
    expect(parse("0 0 * * 5-7").daysOfWeek).toEqual([0, 5, 6]);
    expect(parse("0 0 * * 0,7").daysOfWeek).toEqual([0]);
    expect(parse("0 0 * * */2").daysOfWeek).toEqual([0, 2, 4, 6]);
  });

  it("marks a day field restricted when its text does not start with `*` (as Vixie cron does)", () => {
    expect(parse("0 0 13 * 5")).toMatchObject({ domRestricted: true, dowRestricted: true });
    expect(parse("0 0 * * 5")).toMatchObject({ domRestricted: false, dowRestricted: true });
    expect(parse("0 0 13 * *")).toMatchObject({ domRestricted: true, dowRestricted: false });
    expect(parse("0 0 */2 * */1")).toMatchObject({ domRestricted: false, dowRestricted: false });
    expect(parse("0 0 1-31 * 0-7")).toMatchObject({ domRestricted: true, dowRestricted: true });
  });

  it.each([
    ["@yearly", "0 0 1 1 *"],
    ["@annually", "0 0 1 1 *"],
    ["@monthly", "0 0 1 * *"],
    ["@weekly", "0 0 * * 0"],
    ["@daily", "0 0 * * *"],
    ["@midnight", "0 0 * * *"],
    ["@hourly", "0 * * * *"],
    ["@DAILY", "0 0 * * *"],
    ["  @Weekly  ", "0 0 * * 0"],
  ])("expands the macro %s", (macro, expression) => {
    expect(parse(macro)).toEqual(parse(expression));
  });

  it("accepts surrounding and repeated whitespace, including tabs", () => {
    expect(parse("  */5\t*  * *   *\n")).toEqual(parse("*/5 * * * *"));
  });

  it.each([
    ["", "expression is empty"],
    ["   ", "expression is empty"],
    ["* * * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 4"],
    ["* * * * * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 6"],
    ["@reboot", 'unknown macro "@reboot"'],
    ["@daily *", "unknown macro"],
    ["61 * * * *", "minute: 61 is out of range 0-59"],
    ["* 24 * * *", "hour: 24 is out of range 0-23"],
    ["* * 0 * *", "day of month: 0 is out of range 1-31"],
    ["* * 32 * *", "day of month: 32 is out of range 1-31"],
    ["* * * 0 *", "month: 0 is out of range 1-12"],
    ["* * * 13 *", "month: 13 is out of range 1-12"],
    ["* * * * 8", "day of week: 8 is out of range 0-7"],
    ["0-60 * * * *", "minute: 60 is out of range 0-59"],
    ["30-10 * * * *", "minute: range 30-10 is reversed (30 > 10)"],
    ["* * * DEC-JAN *", "month: range DEC-JAN is reversed (12 > 1)"],
    ["* * * * FRI-MON", "day of week: range FRI-MON is reversed (5 > 1)"],
    ["*/0 * * * *", 'minute: step "0" must be a positive whole number'],
    ["* */x * * *", 'hour: step "x" must be a positive whole number'],
    ["* 1-5/ * * *", 'hour: step "" must be a positive whole number'],
    ["* * */-1 * *", 'day of month: step "-1" must be a positive whole number'],
    ["*/2/3 * * * *", 'minute: "*/2/3" has more than one "/"'],
    ["1,,2 * * * *", "minute: empty list item"],
    ["1, * * * *", "minute: empty list item"],
    ["* ,1 * * *", "hour: empty list item"],
    ["* * 1-2-3 * *", 'day of month: "1-2-3" is not a value or a range'],
    ["* * * * 1-", "day of week: a range is missing a number"],
    ["-1 * * * *", "minute: a range is missing a number"],
    ["abc * * * *", 'minute: "abc" is not a valid value'],
    ["* MON * * *", 'hour: "MON" is not a valid value'],
    ["* * * MON *", 'month: "MON" is not a valid value'],
    ["* * * * JAN", 'day of week: "JAN" is not a valid value'],
    ["* * * * MONDAY", 'day of week: "MONDAY" is not a valid value'],
    ["1.5 * * * *", 'minute: "1.5" is not a valid value'],
    ["? * * * *", 'minute: "?" is not a valid value'],
    ["* * L * *", 'day of month: "L" is not a valid value'],
    ["* * * * 5#2", 'day of week: "5#2" is not a valid value'],
    [`${"1,".repeat(100)}1 * * * *`, "expression is longer than 200 characters"],
  ])("rejects %j", (expression, message) => {
    const result = parseCrontab(expression);
    expect(result).toHaveProperty("error");
    expect("error" in result && result.error).toContain(message);
  });

  it("accepts an expression of exactly 200 characters", () => {
    const expression = `${"1,".repeat(95)}1 * * * *`.padEnd(200, " ");
    expect(expression).toHaveLength(200);
    expect(parseCrontab(expression)).toHaveProperty("crontab");
  });

  it("rejects a non-string without throwing", () => {
    expect(parseCrontab(undefined as unknown as string)).toEqual({ error: "expression must be a string" });
  });
});

describe("isKnownTimezone", () => {
  it.each([
    ["UTC", true],
    ["Europe/Berlin", true],
    ["America/New_York", true],
    ["Asia/Kolkata", true],
    ["Etc/GMT+5", true],
    ["Mars/Olympus", false],
    ["", false],
    ["+01:00", false],
    ["Europe/Berlin ", false],
  ])("%j → %s", (timezone, known) => {
    expect(isKnownTimezone(timezone)).toBe(known);
  });
});

describe("nextCrontabTick in UTC", () => {
  it.each([
    ["* * * * *", "2026-05-10T12:34:56.789Z", "2026-05-10T12:35:00.000Z"],
    ["* * * * *", "2026-05-10T12:35:00.000Z", "2026-05-10T12:36:00.000Z"],
    ["*/15 * * * *", "2026-05-10T12:31:00.000Z", "2026-05-10T12:45:00.000Z"],
    ["*/15 * * * *", "2026-05-10T12:45:00.000Z", "2026-05-10T13:00:00.000Z"],
    ["5 * * * *", "2026-05-10T23:06:00.000Z", "2026-05-11T00:05:00.000Z"],
    ["30 9 * * *", "2026-05-10T09:30:00.000Z", "2026-05-11T09:30:00.000Z"],
    ["0 0 * * *", "2026-01-31T23:59:30.000Z", "2026-02-01T00:00:00.000Z"],
    ["0 12 1 * *", "2026-04-15T00:00:00.000Z", "2026-05-01T12:00:00.000Z"],
    ["0 0 31 * *", "2026-04-01T00:00:00.000Z", "2026-05-31T00:00:00.000Z"],
    ["0 0 1 1 *", "2026-12-31T23:59:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["@yearly", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["0 9-17 * * MON-FRI", "2026-05-08T17:30:00.000Z", "2026-05-11T09:00:00.000Z"],
    ["@weekly", "2026-05-10T00:00:00.000Z", "2026-05-17T00:00:00.000Z"],
    ["0 0 * * 7", "2026-05-11T00:00:00.000Z", "2026-05-17T00:00:00.000Z"],
    ["15,45 */6 * * *", "2026-05-10T06:50:00.000Z", "2026-05-10T12:15:00.000Z"],
    ["0 0 1 */4 *", "2026-01-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z"],
  ])("%s after %s → %s", (expression, after, expected) => {
    expect(next(expression, after)).toBe(expected);
  });

  it("finds the next leap day", () => {
    expect(next("0 0 29 2 *", "2026-03-01T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
    expect(next("0 0 29 2 *", "2028-02-28T12:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
    expect(next("0 0 29 feb *", "2028-02-29T00:00:00Z")).toBe("2032-02-29T00:00:00.000Z");
  });

  it("returns null when no date can match, or none within 5 years", () => {
    expect(next("0 0 30 2 *", "2026-01-01T00:00:00Z")).toBeNull();
    expect(next("0 0 31 4,6,9,11 *", "2026-01-01T00:00:00Z")).toBeNull();
    // 2100 is not a leap year: the next Feb 29 after 2096 is in 2104.
    expect(next("0 0 29 2 *", "2096-03-01T00:00:00Z")).toBeNull();
  });

  it("returns null for an invalid date", () => {
    expect(nextCrontabTick(parse("* * * * *"), new Date(Number.NaN), "UTC")).toBeNull();
  });

  it("treats an unknown zone as UTC", () => {
    expect(next("30 2 * * *", "2026-03-08T00:00:00Z", "Mars/Olympus")).toBe("2026-03-08T02:30:00.000Z");
  });

  it("applies the Vixie OR rule when both day fields are restricted", () => {
    // "0 0 13 * 5": the 13th of every month and every Friday. 2026-03-13 is a Friday.
    const ticks: string[] = [];
    let after = new Date("2026-02-01T00:00:00Z");
    for (let i = 0; i < 6; i++) {
      const tick = nextCrontabTick(parse("0 0 13 * 5"), after, "UTC")!;
      ticks.push(tick.toISOString().slice(0, 10));
      after = tick;
    }
    expect(ticks).toEqual(["2026-02-06", "2026-02-13", "2026-02-20", "2026-02-27", "2026-03-06", "2026-03-13"]);
    expect(next("0 0 13 * 5", "2026-04-10T00:00:00Z")).toBe("2026-04-13T00:00:00.000Z"); // a Monday
  });

  it("requires both day fields when only one is restricted", () => {
    expect(next("0 0 13 * *", "2026-02-01T00:00:00Z")).toBe("2026-02-13T00:00:00.000Z");
    expect(next("0 0 * * 5", "2026-02-01T00:00:00Z")).toBe("2026-02-06T00:00:00.000Z");
    // `*/2` starts with `*`, so it is unrestricted: odd days that are also Fridays.
    expect(next("0 0 */2 * 5", "2026-02-01T00:00:00Z")).toBe("2026-02-13T00:00:00.000Z");
    // "1-31" does not start with `*`, so both are restricted and the OR makes every day match.
    expect(next("0 0 1-31 * 5", "2026-02-01T00:00:00Z")).toBe("2026-02-02T00:00:00.000Z");
  });
});

describe("nextCrontabTick across time zones", () => {
  it("never ticks at a local time skipped by spring-forward", () => {
    // America/New_York jumps from 02:00 EST to 03:00 EDT on 2026-03-08.
    expect(next("30 2 * * *", "2026-03-08T05:00:00Z", "America/New_York")).toBe("2026-03-09T06:30:00.000Z");
    expect(next("30 2 * * *", "2026-03-07T05:00:00Z", "America/New_York")).toBe("2026-03-07T07:30:00.000Z");
    expect(next("0 3 * * *", "2026-03-08T05:00:00Z", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
  });

  it("ticks twice at a local time repeated by fall-back", () => {
    // America/New_York goes back from 02:00 EDT to 01:00 EST on 2026-11-01.
    expect(next("30 1 * * *", "2026-11-01T04:00:00Z", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(next("30 1 * * *", "2026-11-01T05:30:00Z", "America/New_York")).toBe("2026-11-01T06:30:00.000Z");
    expect(next("30 1 * * *", "2026-11-01T06:30:00Z", "America/New_York")).toBe("2026-11-02T06:30:00.000Z");
  });

  it("handles half-hour zones and half-hour DST changes", () => {
    expect(next("0 9 * * *", "2026-01-01T00:00:00Z", "Asia/Kolkata")).toBe("2026-01-01T03:30:00.000Z");
    // Australia/Lord_Howe moves from 02:00 +10:30 to 02:30 +11 on 2026-10-04.
    expect(next("15 2 * * *", "2026-10-03T12:00:00Z", "Australia/Lord_Howe")).toBe("2026-10-04T15:15:00.000Z");
    expect(next("45 2 * * *", "2026-10-03T12:00:00Z", "Australia/Lord_Howe")).toBe("2026-10-03T15:45:00.000Z");
  });

  it("matches the month and day in local time", () => {
    // Midnight on 1 January in Berlin is 23:00 UTC on 31 December.
    expect(next("@yearly", "2026-06-01T00:00:00Z", "Europe/Berlin")).toBe("2026-12-31T23:00:00.000Z");
    expect(next("0 0 29 2 *", "2026-03-01T00:00:00Z", "Pacific/Auckland")).toBe("2028-02-28T11:00:00.000Z");
  });
});

describe("nextCrontabTick against a minute-by-minute search", () => {
  const MINUTE = 60_000;
  const formatters = new Map<string, Intl.DateTimeFormat>();

  /** Local fields of an instant, computed independently of the module. */
  function localFields(ms: number, timezone: string): { minute: number; hour: number; day: number; month: number; weekday: number } {
    let formatter = formatters.get(timezone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
      formatters.set(timezone, formatter);
    }
    const parts = Object.fromEntries(formatter.formatToParts(ms).map((p) => [p.type, p.value]));
    const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
    return { minute: Number(parts.minute), hour: Number(parts.hour), day, month, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
  }

  function bruteForce(crontab: Crontab, after: number, timezone: string): number | null {
    const first = Math.floor(after / MINUTE) * MINUTE + MINUTE;
    for (let t = first; t <= first + 10 * 24 * 60 * MINUTE; t += MINUTE) {
      const f = localFields(t, timezone);
      const dom = crontab.daysOfMonth.includes(f.day);
      const dow = crontab.daysOfWeek.includes(f.weekday);
      const dayOk = crontab.domRestricted && crontab.dowRestricted ? dom || dow : dom && dow;
      if (dayOk && crontab.months.includes(f.month) && crontab.hours.includes(f.hour) && crontab.minutes.includes(f.minute)) return t;
    }
    return null;
  }

  /** A small seeded generator, so failures are reproducible. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }

  // Expressions that tick at least daily, so the 10-day brute force always finds the answer.
  const expressions = ["*/7 * * * *", "30 2 * * *", "15,45 1,2,3 * * *", "0 0 * * *", "59 23 * * *", "0 */5 * * *"];
  const zones = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago"];
  // Around DST changes in 2026 (and elsewhere across 2024-2030), where mistakes would show.
  const hotspots = ["2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z", "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z", "2026-04-05T03:00:00Z", "2026-09-06T04:00:00Z"].map((s) => Date.parse(s));

  it("agrees for 200 random start instants per expression", () => {
    const rand = random(20260308);
    let checked = 0;
    for (const expression of expressions) {
      const crontab = parse(expression);
      for (let i = 0; i < 200; i++) {
        const timezone = zones[Math.floor(rand() * zones.length)];
        const after =
          i % 2 === 0
            ? hotspots[Math.floor(rand() * hotspots.length)] + Math.floor((rand() - 0.5) * 2 * 36 * 60 * MINUTE)
            : Date.UTC(2024, 0, 1) + Math.floor(rand() * 7 * 365 * 24 * 60 * MINUTE) + Math.floor(rand() * MINUTE);
        const expected = bruteForce(crontab, after, timezone);
        const actual = nextCrontabTick(crontab, new Date(after), timezone)?.getTime() ?? null;
        expect({ expression, timezone, after: new Date(after).toISOString(), tick: actual }).toEqual({ expression, timezone, after: new Date(after).toISOString(), tick: expected });
        checked++;
      }
    }
    expect(checked).toBe(expressions.length * 200);
  });
});
