import { createTenant, postEvents } from "@/e2e/support/tenant";
import { expect, signInAs, test } from "@/e2e/ui/fixtures";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";

// West of UTC, a UTC day starts the evening before: labels must still name the UTC day.
test.use({ timezoneId: "America/Los_Angeles" });

// The x axis's tick labels (Recharts 3 may draw them in a z-index layer outside the axis group).
const X_TICKS = ".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value, .recharts-xAxis .recharts-cartesian-axis-tick-value";

const utcDay = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });

test("30-day timeline and issue histogram label UTC days as UTC days west of UTC", async ({ page, context }) => {
  const t = await createTenant("utc");
  const res = await postEvents(t.key, { type: "UtcError", message: "x", severity: "high" });
  const id = (await res.json()).accepted[0].groupId;
  await signInAs(context, t.admin);
  await page.goto(`/?ws=${t.workspaceId}&tf=30d`);
  const api = await page.request.get(`/api/v1/workspaces/${t.workspaceId}/error-tracking?timeframe=30d`);
  const tracking = (await api.json()) as ErrorTracking;
  const lastBucket = tracking.timeline.errorsByTime.at(-1)!.timestamp;
  expect(lastBucket).toMatch(/T00:00:00\.000Z$/);
  const ticks = page.locator(X_TICKS);
  await expect(ticks.last()).toHaveText(utcDay.format(new Date(lastBucket)));
  await expect(page.getByRole("heading", { name: /Error timeline/ })).toContainText("UTC");

  await page.goto(`/errors/${id}`);
  await page.getByRole("radio", { name: "30d" }).click();
  const activity = await (await page.request.get(`/api/v1/errors/${id}/activity`)).json();
  const histogramTicks = page.getByTestId("histogram-30d").locator(X_TICKS);
  await expect(histogramTicks.last()).toHaveText(utcDay.format(new Date(activity.daily.buckets.at(-1).start)));
  await expect(page.getByTestId("histogram-total")).toContainText("UTC days");
});

test("a person who chose a time zone sees hours and instants on that clock; days stay UTC days", async ({ page, context }) => {
  const t = await createTenant("tz");
  const res = await postEvents(t.key, { type: "ZonedError", message: "x", severity: "high" });
  const id = (await res.json()).accepted[0].groupId;
  await signInAs(context, t.admin);
  await page.goto("/account");
  // Tehran is UTC+3:30 all year: every hour label ends in ":30", which no UTC or Los Angeles label does.
  await page.getByTestId("time-zone").selectOption("Asia/Tehran");
  await expect(page.getByText("Time zone saved")).toBeVisible();
  expect((await (await page.request.get("/api/v1/me")).json()).user.timeZone).toBe("Asia/Tehran");

  await page.goto(`/?ws=${t.workspaceId}&tf=24h`);
  await expect(page.getByRole("heading", { name: /Error timeline/ })).toContainText("Asia/Tehran");
  await expect(page.locator(X_TICKS).last()).toHaveText(/^\d\d:30$/);

  await page.goto(`/errors/${id}`);
  await expect(page.getByTestId("histogram-total")).toContainText("hours in Asia/Tehran");
  await expect(page.getByTestId("histogram-24h").locator(X_TICKS).last()).toHaveText(/^\d\d:30$/);
  await expect(page.getByTestId("issue-header").locator("time").first()).toHaveAttribute("title", /GMT\+3:30$/);
  await page.getByRole("radio", { name: "30d" }).click();
  const activity = await (await page.request.get(`/api/v1/errors/${id}/activity`)).json();
  await expect(page.getByTestId("histogram-30d").locator(X_TICKS).last()).toHaveText(utcDay.format(new Date(activity.daily.buckets.at(-1).start)));
  await expect(page.getByTestId("histogram-total")).toContainText("UTC days");
});

test("a 30-day spike is named by its UTC days, and the pattern line names the spike it caused on the viewer's clock", async ({ page, context }) => {
  const t = await createTenant("spike-days");
  const DAY = 86_400_000;
  const HOUR = 3_600_000;
  const today = Math.floor(Date.now() / DAY) * DAY;
  const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
  // Ten events on each of three UTC days (at noon UTC), none before: one spike over three day buckets
  // (a quiet day after it, so the hour spike below never joins it, whatever the hour now).
  const daySpike = [5, 4, 3].flatMap((d) =>
    Array.from({ length: 10 }, (_, i) => ({ type: "DaySpike", message: "queue overflow", severity: "high", occurredAt: new Date(today - d * DAY + 12 * HOUR + i * 60_000).toISOString() })),
  );
  // Ten events in one hour three hours ago: a spike of the 24-hour timeline.
  const hourSpike = Array.from({ length: 10 }, (_, i) => ({ type: "HourSpike", message: "cache stampede", severity: "high", occurredAt: new Date(thisHour - 3 * HOUR + i * 60_000).toISOString() }));
  expect((await postEvents(t.key, { events: [...daySpike, ...hourSpike] })).status).toBe(202);
  await signInAs(context, t.admin);
  // India is UTC+5:30: a UTC day starts at 05:30 there.
  expect((await page.request.patch("/api/v1/account", { data: { timeZone: "Asia/Kolkata" } })).status()).toBe(200);

  await page.goto(`/?ws=${t.workspaceId}&tf=30d`);
  const days = `${utcDay.format(new Date(today - 5 * DAY))} – ${utcDay.format(new Date(today - 3 * DAY))} UTC`;
  const spikes = page.getByTestId("spike");
  // The hour spike's day is a spike of its own once a quiet day follows it (before 03:00 UTC it falls on yesterday).
  await expect(spikes.filter({ hasText: days })).toHaveCount(1);
  await expect(spikes.first()).toContainText(days);
  await expect(page.getByTestId("pattern").filter({ hasText: "DaySpike" })).toContainText(`caused the spike of ${days}`);

  await page.goto(`/?ws=${t.workspaceId}&tf=24h`);
  await expect(spikes).toHaveCount(1);
  const hours = (await spikes.first().locator("span").first().textContent()) ?? "";
  expect(hours).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d\d:30–\d\d:30 GMT\+5:30$/);
  const pattern = page.getByTestId("pattern").filter({ hasText: "HourSpike" });
  await expect(pattern).toContainText(`caused the spike of ${hours}`);
  await expect(pattern).not.toContainText("UTC");
});

test("the 7-day timeline's ticks are a fixed number of buckets apart west of UTC: equal gaps, equal durations", async ({ page, context }) => {
  const t = await createTenant("even-ticks");
  expect((await postEvents(t.key, { type: "TickError", message: "x", severity: "high" })).status).toBe(202);
  await signInAs(context, t.admin);
  // 6-hour buckets start at 00, 06, 12 and 18 UTC: 16, 22, 04 and 10 o'clock in Los Angeles.
  expect((await page.request.patch("/api/v1/account", { data: { timeZone: "America/Los_Angeles" } })).status()).toBe(200);
  await page.goto(`/?ws=${t.workspaceId}&tf=7d`);
  const ticks = page.locator(X_TICKS);
  await expect(ticks.first()).toHaveText(/^[A-Z][a-z]{2} \d\d:00$/);
  const week = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const hours = (await ticks.allTextContents()).map((label) => week.indexOf(label.slice(0, 3)) * 24 + Number(label.slice(4, 6)));
  expect(hours.length).toBeGreaterThan(3);
  const gaps = hours.slice(1).map((h, i) => (h - hours[i] + 168) % 168);
  expect(new Set(gaps), `ticks ${hours.join(", ")}`).toEqual(new Set([gaps[0]]));
  expect(gaps[0] % 6).toBe(0);
});
