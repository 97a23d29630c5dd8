import { afterEach, describe, expect, it, vi } from "vitest";
import { listViewLabel, listViewPath, rememberListView, subscribeToListViews } from "@/lib/client/lastListView";

const WS = "0190b7c2-0000-7000-8000-00000000000a";
const QUERY = `?ws=${WS}&project=p1&env=staging&tf=7d&query=is%3Aunresolved&page=3&error=e1&alert=a1`;

describe("listViewPath", () => {
  it("gives an issue page's way back all of the list as it was left, on its page, less the panel or alert open", () => {
    expect(listViewPath(`/errors${QUERY}`, WS, "all")).toBe(`/errors?ws=${WS}&project=p1&env=staging&tf=7d&query=is%3Aunresolved&page=3`);
    expect(listViewPath(`/${QUERY}`, WS, "all")).toBe(`/?ws=${WS}&project=p1&env=staging&tf=7d&query=is%3Aunresolved&page=3`);
  });

  it("reads a bare query string (a view saved before the Issues page, the dashboard's URL) as the dashboard's", () => {
    expect(listViewPath(QUERY, WS, "all")).toBe(`/?ws=${WS}&project=p1&env=staging&tf=7d&query=is%3Aunresolved&page=3`);
    expect(listViewPath(QUERY.slice(1), WS, "all", "/errors")).toBe(`/errors?ws=${WS}&project=p1&env=staging&tf=7d&query=is%3Aunresolved&page=3`);
  });

  it("gives the header's Dashboard and Issues links only the project, environment and timeframe, on their own page", () => {
    expect(listViewPath(`/errors${QUERY}`, WS, "scope", "/")).toBe(`/?ws=${WS}&project=p1&env=staging&tf=7d`);
    expect(listViewPath(`/${QUERY}`, WS, "scope", "/errors")).toBe(`/errors?ws=${WS}&project=p1&env=staging&tf=7d`);
  });

  it("falls back to the Issues page's plain list, always of the workspace asked for", () => {
    expect(listViewPath("", WS, "all")).toBe(`/errors?ws=${WS}`);
    expect(listViewPath("/?ws=another&project=p9", WS, "scope", "/")).toBe(`/?ws=${WS}&project=p9`);
  });

  it("names the page a way back leads to", () => {
    expect(listViewLabel(`/errors?ws=${WS}`)).toBe("Issues");
    expect(listViewLabel(`/?ws=${WS}`)).toBe("Dashboard");
  });
});

describe("rememberListView", () => {
  afterEach(() => vi.unstubAllGlobals());

  function storage(refuse = false) {
    const items = new Map<string, string>();
    vi.stubGlobal("sessionStorage", {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => {
        if (refuse) throw new Error("QuotaExceededError");
        items.set(key, value);
      },
    });
    return items;
  }

  it("tells the header's links a view was saved (it is saved after the render that showed it), until they unsubscribe", () => {
    const items = storage();
    const seen: (string | undefined)[] = [];
    const unsubscribe = subscribeToListViews(() => seen.push(items.get(`faultline:list-view:${WS}`)));
    rememberListView(WS, "/", "?project=p1&tf=7d");
    rememberListView(WS, "/", "?project=p1&tf=30d");
    expect(seen).toEqual(["/?project=p1&tf=7d", "/?project=p1&tf=30d"]);
    unsubscribe();
    rememberListView(WS, "/errors", "?project=p2");
    expect(seen).toHaveLength(2);
  });

  it("tells nobody when the storage refuses the view (nothing changed)", () => {
    storage(true);
    const listener = vi.fn();
    const unsubscribe = subscribeToListViews(listener);
    rememberListView(WS, "/", "?project=p1");
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
  });
});
