import { afterEach, describe, expect, it } from "vitest";
import type { FaultlineEvent } from "../core/types.js";
import { close, flush, init } from "../entry/node.js";
import { onRequestError } from "./captureRequestError.js";
import { scrubUrl } from "./scrubUrl.js";

afterEach(async () => {
  await close();
});

describe("onRequestError", () => {
  it("filters secret-looking query parameters of the path and the referer, keeping the rest", async () => {
    const sent: FaultlineEvent[] = [];
    init({
      url: "http://faultline.test",
      key: "k",
      globalHandlers: false,
      flushIntervalMs: 1,
      fetch: async (_url, req) => (sent.push(...JSON.parse(String(req?.body)).events), new Response("{}", { status: 202 })),
    });
    await onRequestError(
      new Error("rsc boom"),
      { path: "/shop?token=secret-1&tab=items", method: "GET", headers: { cookie: "sid=1", referer: "https://shop.example/reset?reset_token=abc&step=2", "user-agent": "UA" } },
      { routerKind: "App Router", routePath: "/shop", routeType: "render" },
    );
    await flush();
    const request = sent[0].context?.request as { path: string; headers: Record<string, string> };
    expect(request.path).toBe("/shop?token=[Filtered]&tab=items");
    expect(request.headers).toEqual({ referer: "https://shop.example/reset?reset_token=[Filtered]&step=2", "user-agent": "UA" });
    expect(JSON.stringify(sent)).not.toMatch(/secret-1|abc|sid=1/);
  });
});

describe("scrubUrl", () => {
  it("filters tokens, OAuth codes, keys, passwords and signatures, in the query and the fragment", () => {
    expect(scrubUrl("/callback?code=xyz&state=s1")).toBe("/callback?code=[Filtered]&state=s1");
    expect(scrubUrl("https://cdn.example/a.png?X-Amz-Signature=f00&X-Amz-Expires=60")).toBe("https://cdn.example/a.png?X-Amz-Signature=[Filtered]&X-Amz-Expires=60");
    expect(scrubUrl("/login?api_key=1&password=2&next=%2Fhome#access_token=3&scope=x")).toBe("/login?api_key=[Filtered]&password=[Filtered]&next=%2Fhome#access_token=[Filtered]&scope=x");
    expect(scrubUrl("/orders/17?tab=items")).toBe("/orders/17?tab=items");
    expect(scrubUrl("/plain/path")).toBe("/plain/path");
  });
});
