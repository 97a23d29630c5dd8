import { describe, expect, it } from "vitest";
import { listViewLabel, listViewPath } from "@/lib/client/lastListView";

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
