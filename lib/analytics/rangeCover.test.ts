import { describe, expect, it } from "vitest";
import { dayCover, weekCover, weekDayHourCover, weekOf } from "@/lib/analytics/rangeCover";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("weekCover", () => {
  it("reads a whole Monday–Sunday week as one weekly row", () => {
    expect(weekCover(day("2026-11-16"), day("2026-11-23"))).toEqual({ weeks: [{ key: "2026-11-16", sign: 1 }], days: [] });
  });

  it("adds up to three single days of a partial week, and subtracts them from the week beyond that", () => {
    // Tue 2026-10-27 .. Wed 2026-11-25 (30 days): the week of 10-26 misses only its Monday (subtracted);
    // the current week has three days so far (added one by one).
    const cover = weekCover(day("2026-10-27"), day("2026-11-26"));
    expect(cover.weeks.map((w) => w.key)).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(cover.days).toEqual([
      { key: "2026-10-26", sign: -1 },
      { key: "2026-11-23", sign: 1 },
      { key: "2026-11-24", sign: 1 },
      { key: "2026-11-25", sign: 1 },
    ]);
  });

  it("reads the current week as its weekly row minus the days still to come", () => {
    const cover = weekCover(day("2026-10-27"), day("2026-11-26"), day("2026-11-26"));
    expect(cover.weeks.map((w) => w.key)).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
    expect(cover.days.filter((d) => d.sign === 1)).toEqual([]);
    expect(cover.days.map((d) => d.key)).toEqual(["2026-10-26", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
  });

  it("is empty for an empty range, and uses single days for a short one", () => {
    expect(weekCover(day("2026-11-25"), day("2026-11-25"))).toEqual({ weeks: [], days: [] });
    expect(weekCover(day("2026-11-25"), day("2026-11-26")).days).toEqual([{ key: "2026-11-25", sign: 1 }]);
  });

  it("gives exactly the range's total for any range and any daily counts", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const counts = new Map<string, number>();
    const base = day("2026-08-03").getTime();
    for (let d = -14; d < 140; d++) counts.set(new Date(base + d * 86_400_000).toISOString().slice(0, 10), Math.floor(random() * 100));
    const weekly = new Map<string, number>();
    for (const [iso, n] of counts) weekly.set(weekOf(day(iso)), (weekly.get(weekOf(day(iso))) ?? 0) + n);
    for (let i = 0; i < 300; i++) {
      const from = Math.floor(random() * 100);
      const length = Math.floor(random() * 40);
      const a = new Date(base + from * 86_400_000);
      const b = new Date(a.getTime() + length * 86_400_000);
      let direct = 0;
      for (let t = a.getTime(); t < b.getTime(); t += 86_400_000) direct += counts.get(new Date(t).toISOString().slice(0, 10))!;
      const emptyFrom = random() < 0.5 ? undefined : new Date(b.getTime() - Math.floor(random() * 3) * 86_400_000);
      const cover = weekCover(a, b, emptyFrom);
      const viaCover =
        cover.weeks.reduce((s, w) => s + w.sign * weekly.get(w.key)!, 0) + cover.days.reduce((s, d) => s + d.sign * counts.get(d.key)!, 0);
      expect(viaCover).toBe(direct);
      // Rows worth reading: at most two weekly rows per partial week and three single past days per partial week.
      expect(cover.weeks.length).toBeLessThanOrEqual(Math.ceil(length / 7) + 1);
      expect(cover.days.filter((d) => !emptyFrom || d.key < emptyFrom.toISOString().slice(0, 10)).length).toBeLessThanOrEqual(6);
    }
  });

  it("finds the Monday of any day", () => {
    expect(weekOf(day("2026-11-25"))).toBe("2026-11-23");
    expect(weekOf(day("2026-11-23"))).toBe("2026-11-23");
    expect(weekOf(day("2026-11-22"))).toBe("2026-11-16");
    expect(weekOf(new Date("1970-01-01T12:00:00Z"))).toBe("1969-12-29");
  });
});

describe("dayCover", () => {
  const HOUR = 3_600_000;
  it("reads whole days from the daily rollup and the other hours from the hourly one", () => {
    // 7 days ending at 18:00: the first day from 18:00 (6 hours inside: added), 6 whole days, and
    // the last day up to 18:00 (18 inside, 6 outside and still to come: the day minus those).
    const end = new Date("2026-11-25T18:00:00Z");
    const cover = dayCover(new Date(end.getTime() - 7 * 24 * HOUR), end, end);
    expect(cover.days.map((d) => d.key)).toEqual(["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"]);
    expect(cover.hours.filter((h) => h.sign === 1).map((h) => h.key)).toEqual(
      [18, 19, 20, 21, 22, 23].map((h) => `2026-11-18T${h}:00:00.000Z`),
    );
    expect(cover.hours.filter((h) => h.sign === -1)).toHaveLength(6);
  });

  it("gives exactly the range's total for any range of hours", () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = Date.parse("2026-11-01T00:00:00Z");
    const hourly = new Map<string, number>();
    const daily = new Map<string, number>();
    for (let h = -48; h < 24 * 40; h++) {
      const at = new Date(base + h * HOUR);
      const n = Math.floor(random() * 50);
      hourly.set(at.toISOString(), n);
      const day = at.toISOString().slice(0, 10);
      daily.set(day, (daily.get(day) ?? 0) + n);
    }
    for (let i = 0; i < 300; i++) {
      const from = new Date(base + Math.floor(random() * 24 * 30) * HOUR);
      const to = new Date(from.getTime() + Math.floor(random() * 24 * 8) * HOUR);
      let direct = 0;
      for (let t = from.getTime(); t < to.getTime(); t += HOUR) direct += hourly.get(new Date(t).toISOString())!;
      const cover = dayCover(from, to, random() < 0.5 ? undefined : to);
      const sum = cover.days.reduce((s, d) => s + d.sign * daily.get(d.key)!, 0) + cover.hours.reduce((s, h) => s + h.sign * hourly.get(h.key)!, 0);
      expect(sum).toBe(direct);
    }
  });
});


describe("weekDayHourCover", () => {
  const HOUR = 3_600_000;
  it("gives exactly the range's total for any hour-aligned range, reading a whole week as one row", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = day("2026-08-03").getTime(); // a Monday
    const now = base + 24 * 50 * HOUR + 7 * HOUR; // nothing happened from the next hour on
    const future = new Date(Math.floor(now / HOUR) * HOUR + HOUR);
    const hourly = new Map<string, number>();
    const daily = new Map<string, number>();
    const weekly = new Map<string, number>();
    for (let h = -24 * 14; h < 24 * 70; h++) {
      const at = new Date(base + h * HOUR);
      const n = at < future ? Math.floor(random() * 20) : 0;
      hourly.set(at.toISOString(), n);
      const d = at.toISOString().slice(0, 10);
      daily.set(d, (daily.get(d) ?? 0) + n);
      weekly.set(weekOf(at), (weekly.get(weekOf(at)) ?? 0) + n);
    }
    for (let i = 0; i < 300; i++) {
      const a = new Date(base + Math.floor(random() * 24 * 50) * HOUR);
      const b = new Date(a.getTime() + Math.floor(random() * 24 * 15) * HOUR);
      let direct = 0;
      for (let t = a.getTime(); t < b.getTime(); t += HOUR) direct += hourly.get(new Date(t).toISOString())!;
      const c = weekDayHourCover(a, b, random() < 0.5 ? undefined : future);
      const viaCover =
        c.weeks.reduce((s, w) => s + w.sign * weekly.get(w.key)!, 0) +
        c.days.reduce((s, d) => s + d.sign * daily.get(d.key)!, 0) +
        c.hours.reduce((s, h) => s + h.sign * hourly.get(h.key)!, 0);
      expect(viaCover).toBe(direct);
    }
  });

  it("reads a 7-day window spanning a Monday with fewer rows than days alone", () => {
    // Wed 06:00 → next Wed 06:00: Thu…Tue are whole days; the week of the Thursday is mostly inside.
    const c = weekDayHourCover(new Date("2026-11-18T06:00:00Z"), new Date("2026-11-25T06:00:00Z"));
    const plain = dayCover(new Date("2026-11-18T06:00:00Z"), new Date("2026-11-25T06:00:00Z"));
    expect(c.weeks.length + c.days.length).toBeLessThan(plain.days.length);
    expect(c.hours).toEqual(plain.hours);
  });
});
