import { describe, expect, it } from "vitest";
import { chainWithoutVars, eventWithoutEndUsers, framesWithoutVars, isEndUserTag, tagsWithoutEndUsers } from "@/lib/errors/events/withoutEndUsers";

const event = {
  id: "o1",
  eventId: "e1",
  message: "card declined",
  release: "shop@1.0.0",
  userId: "victim@b.test",
  user: { email: "victim@b.test", ip_address: "10.1.2.3" },
  request: { method: "POST", url: "https://shop.test/pay?token=t0k", headers: [["Cookie", "sid=1"]] },
  breadcrumbs: [{ message: "typed victim@b.test" }],
  extra: { cart: "victim's cart" },
  contexts: {
    os: { name: "Linux" },
    device: { name: "Dana's iPhone", model: "iPhone15,2" },
    phone: { type: "device", name: "Dana's other phone", family: "Pixel" },
    user: { email: "victim@b.test" },
    geo: { city: "Berlin" },
    trace: { trace_id: "abc" },
  },
  tags: [
    ["environment", "production"],
    ["user", "victim@b.test"],
    ["user.email", "victim@b.test"],
    ["url", "https://shop.test/pay?token=t0k"],
    ["step", "checkout"],
  ] as [string, string][],
  exceptions: [{ type: "Error", frames: [{ function: "pay", vars: { email: "victim@b.test" } }, { function: "main" }] }],
  threads: [{ id: "1", frames: [{ function: "run", vars: { password: "x" } }] }],
  attachments: [{ id: "a1", filename: "screenshot.png" }],
  suspectCommits: [],
};

describe("an event as an ingest key reads it", () => {
  it("keeps the error and drops the end user, the request, breadcrumbs, extra data, variables and attachments", () => {
    const seen = eventWithoutEndUsers(event);
    expect(seen).toMatchObject({ id: "o1", eventId: "e1", message: "card declined", release: "shop@1.0.0", userId: null, user: null, request: null, breadcrumbs: [], extra: null, attachments: [] });
    expect(seen.tags).toEqual([["environment", "production"], ["step", "checkout"]]);
    expect(seen.exceptions[0].frames).toEqual([{ function: "pay" }, { function: "main" }]);
    expect(seen.threads[0].frames).toEqual([{ function: "run" }]);
    // Technical contexts only (by name or type), and a device without its owner's name for it.
    expect(seen.contexts).toEqual({ os: { name: "Linux" }, device: { model: "iPhone15,2" }, phone: { type: "device", family: "Pixel" }, trace: { trace_id: "abc" } });
    expect(JSON.stringify(seen)).not.toMatch(/victim|10\.1\.2\.3|t0k|Dana|password/);
  });

  it("names the tags of the end user and the address; filters an event's own stored tags by them", () => {
    for (const key of ["user", "User", "user.email", "user.id", "url"]) expect(isEndUserTag(key), key).toBe(true);
    for (const key of ["username_length", "browser", "transaction", "server_name"]) expect(isEndUserTag(key), key).toBe(false);
    expect(tagsWithoutEndUsers({ step: "pay", "user.email": "victim@b.test", url: "https://x" })).toEqual({ step: "pay" });
    expect(tagsWithoutEndUsers(null)).toBeNull();
  });

  it("drops the variables of an issue's stored frames and of each link of a chain; leaves what is no frame list alone", () => {
    expect(framesWithoutVars([{ function: "pay", vars: { email: "victim@b.test" } }, { function: "main" }])).toEqual([{ function: "pay" }, { function: "main" }]);
    expect(framesWithoutVars({ not: "a list" })).toEqual({ not: "a list" });
    expect(framesWithoutVars(null)).toBeNull();
    expect(chainWithoutVars([{ type: "Error", frames: [{ function: "pay", vars: { card: "4111" } }] }, { type: "Cause" }])).toEqual([{ type: "Error", frames: [{ function: "pay" }] }, { type: "Cause", frames: undefined }]);
    expect(chainWithoutVars(null)).toBeNull();
  });
});
