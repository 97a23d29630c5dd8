import { describe, expect, it } from "vitest";
import { listViewPath } from "@/lib/client/lastListView";

const WS = "0190b7c2-0000-7000-8000-00000000000a";
const SAVED = `?ws=${WS}&project=p1&env=staging&tf=7d&query=is%3Aunresolved&page=3&error=e1&alert=a1`;

describe("listViewPath", () => {
  it("gives an issue page's way back all of the list as it was left, less the panel or alert open", () => {
    expect(listViewPath(SAVED, WS, "all")).toBe(`/?ws=${WS}&project=p1&env=staging&tf=7d&query=is%3Aunresolved&page=3`);
  });

  it("gives the header's Errors link only the project, environment and timeframe", () => {
    expect(listViewPath(SAVED, WS, "scope")).toBe(`/?ws=${WS}&project=p1&env=staging&tf=7d`);
  });

  it("falls back to the plain list, always of the workspace asked for", () => {
    expect(listViewPath("", WS, "all")).toBe(`/?ws=${WS}`);
    expect(listViewPath("?ws=another&project=p9", WS, "scope")).toBe(`/?ws=${WS}&project=p9`);
  });
});
