import { beforeAll, describe, expect, it } from "vitest";
import { ERROR_SORTS, SORT_ORDERS, type ErrorSort, type SortOrder } from "@/lib/domain/errorSort";
import { createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";

type Item = { errorId: string; type: string; severity: string; firstSeen: string; lastSeen: string; occurrences: number; impact: { usersAffected: number } };
type Page = { items: Item[]; page: number | null; pageSize: number; total: number | null; nextCursor: string | null };

const MINUTE = 60_000;
const SEVERITIES = ["low", "medium", "high", "critical"];

async function list(t: Tenant, cookie: string, params: string): Promise<Page> {
  const res = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&${params}`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** One event of an issue now: bumps its lastSeen (and its event count) to the top of the default order. */
async function bump(t: Tenant, type: string) {
  const res = await postEvents(t.key, { type, message: "walked", severity: "high" });
  expect(res.status).toBe(202);
}

/**
 * Walks the list 3 issues a page, sorted by lastSeen (newest first): by page number or by each page's
 * nextCursor. Between the first and the second page one event arrives for the issue that is first on
 * page 2 at that moment, as in the reviewer's report. Answers the ids in the order the pages gave them, and the bumped issue.
 */
async function walkWhileAnIssueIsBumped(t: Tenant, cookie: string, by: "page" | "cursor") {
  const base = "sort=lastSeen&pageSize=3";
  const first = await list(t, cookie, base);
  const before = await list(t, cookie, "sort=lastSeen&pageSize=100");
  const bumped = before.items[3];
  await bump(t, bumped.type);
  const seen = first.items.map((i) => i.errorId);
  let page = first;
  for (let n = 2; (by === "page" || page.nextCursor) && n < 20; n++) {
    page = await list(t, cookie, by === "page" ? `${base}&page=${n}` : `${base}&cursor=${page.nextCursor}`);
    seen.push(...page.items.map((i) => i.errorId));
    if (by === "page" && page.items.length < 3) break;
  }
  return { seen, all: before.items.map((i) => i.errorId), bumped: bumped.errorId, lastOfFirstPage: first.items[2].errorId };
}

const duplicatesOf = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

describe("the issue list by cursor", () => {
  /** Nine issues, one event each, a minute apart: a fresh workspace per walk, as both walks change it. */
  async function nineIssues(): Promise<{ t: Tenant; cookie: string }> {
    const t = await createTenant("cursor-walk");
    const now = Date.now();
    const res = await postEvents(t.key, {
      events: Array.from({ length: 9 }, (_, i) => ({ type: `Walk${String.fromCharCode(65 + i)}Error`, message: "walked", severity: "high", occurredAt: new Date(now - (i + 10) * MINUTE).toISOString() })),
    });
    expect(res.status).toBe(202);
    return { t, cookie: await login(t.viewer) };
  }

  it("reproduces the reviewer's walk: numbered pages repeat the last issue of page 1 and never show the bumped one", async () => {
    const { t, cookie: c } = await nineIssues();
    const walk = await walkWhileAnIssueIsBumped(t, c, "page");
    expect(duplicatesOf(walk.seen)).toEqual([walk.lastOfFirstPage]);
    expect(walk.seen).not.toContain(walk.bumped);
  });

  it("a cursor walk during the same change returns every issue that did not change exactly once", async () => {
    const { t, cookie: c } = await nineIssues();
    const walk = await walkWhileAnIssueIsBumped(t, c, "cursor");
    expect(duplicatesOf(walk.seen)).toEqual([]);
    // The bumped issue moved ahead of the cursor (to the top): this walk misses it, as documented; the next one starts with it.
    expect(walk.seen).toEqual(walk.all.filter((id) => id !== walk.bumped));
    const again = await list(t, c, "sort=lastSeen&pageSize=3");
    expect(again.items[0].errorId).toBe(walk.bumped);
  });

  it("answers page and total null for a page read by cursor, and nextCursor null on the last page", async () => {
    const { t, cookie: c } = await nineIssues();
    const first = await list(t, c, "pageSize=5");
    expect(first).toMatchObject({ page: 1, pageSize: 5, total: 9, nextCursor: expect.any(String) });
    const second = await list(t, c, `pageSize=5&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ page: null, pageSize: 5, total: null, nextCursor: null });
    expect(second.items).toHaveLength(4);
    // A numbered page has a cursor too: page 1's leads to what page 2 shows.
    const numbered = await list(t, c, "pageSize=4&page=2");
    expect((await list(t, c, `pageSize=4&cursor=${(await list(t, c, "pageSize=4&page=1")).nextCursor}`)).items).toEqual(numbered.items);
  });

  it("refuses a cursor with page, a forged cursor and one of another sort, naming them", async () => {
    const { t, cookie: c } = await nineIssues();
    const { nextCursor } = await list(t, c, "pageSize=2");
    const refused = async (params: string) => {
      const res = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&${params}`, { cookie: c });
      expect(res.status).toBe(422);
      return ((await res.json()).error.issues as { path: string }[]).map((i) => i.path);
    };
    expect(await refused(`pageSize=2&page=2&cursor=${nextCursor}`)).toEqual(["page", "cursor"]);
    expect(await refused(`pageSize=2&page=1&cursor=${nextCursor}`)).toEqual(["page", "cursor"]);
    const forged = Buffer.from(Buffer.from(nextCursor!, "base64url").toString().replace(/\|[^|]+\|([^|]+)$/, "|0000-01-01T00:00:00.000Z|$1")).toString("base64url");
    expect(await refused(`cursor=${forged}`)).toEqual(["cursor"]);
    expect(await refused("cursor=bm90IGEgY3Vyc29y")).toEqual(["cursor"]);
    expect(await refused(`sort=users&cursor=${nextCursor}`)).toEqual(["cursor"]);
    expect(await refused(`order=asc&cursor=${nextCursor}`)).toEqual(["cursor"]);
  });

  describe("a full walk returns every issue exactly once, in the order of one page, for every sort", () => {
    let t: Tenant;
    let viewer: string;
    let all: Item[];

    beforeAll(async () => {
      t = await createTenant("cursor-sorts");
      // Eleven issues with few distinct values per sort key, so ties (broken by id) fall across pages of 3.
      const base = Date.now() - 60 * MINUTE;
      const events = Array.from({ length: 11 }, (_, i) => {
        const type = `Sort${String.fromCharCode(65 + i)}Error`;
        const count = 1 + (i % 3);
        const users = i % 2 === 0 ? 0 : 1 + (i % 4 === 1 ? 1 : 0);
        return Array.from({ length: count }, (_, k) => ({
          type,
          message: "sorted",
          severity: SEVERITIES[i % 4],
          // first at base + (i mod 4) minutes, last at base + 20 + (i mod 3) minutes (one event: the first time only)
          occurredAt: new Date(base + (k === 0 ? (i % 4) * MINUTE : (20 + (i % 3)) * MINUTE)).toISOString(),
          ...(users > 0 && { userId: `user-${k % users}` }),
        }));
      }).flat();
      const res = await postEvents(t.key, { events });
      expect(res.status).toBe(202);
      viewer = await login(t.viewer);
      all = (await list(t, viewer, "pageSize=100")).items;
      expect(all).toHaveLength(11);
    });

    const keyOf: Record<ErrorSort, (i: Item) => string | number> = {
      lastSeen: (i) => i.lastSeen,
      firstSeen: (i) => i.firstSeen,
      occurrences: (i) => i.occurrences,
      users: (i) => i.impact.usersAffected,
      severity: (i) => SEVERITIES.indexOf(i.severity),
    };

    for (const sort of ERROR_SORTS) {
      for (const order of SORT_ORDERS as readonly SortOrder[]) {
        it(`${sort} ${order}`, async () => {
          const onePage = (await list(t, viewer, `sort=${sort}&order=${order}&pageSize=100`)).items.map((i) => i.errorId);
          const keys = all.map(keyOf[sort]);
          expect(new Set(keys).size, "the seed has ties on this key").toBeLessThan(keys.length);
          const seen: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page: Page = await list(t, viewer, `sort=${sort}&order=${order}&pageSize=3${cursor ? `&cursor=${cursor}` : ""}`);
            seen.push(...page.items.map((i) => i.errorId));
            cursor = page.nextCursor;
            pages++;
          } while (cursor && pages < 20);
          expect(pages).toBe(4);
          expect(seen).toEqual(onePage);
          expect(new Set(seen).size).toBe(11);
          const ordered = onePage.map((id) => keyOf[sort](all.find((i) => i.errorId === id)!));
          expect(ordered).toEqual([...ordered].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0) * (order === "desc" ? -1 : 1)));
        });
      }
    }
  });
});
