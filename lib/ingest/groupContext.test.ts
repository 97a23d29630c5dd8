import { describe, expect, it } from "vitest";
import { groupContextOf } from "@/lib/ingest/groupContext";

describe("groupContextOf", () => {
  const event = {
    environment: "production",
    release: "shop@2.3.4",
    agentId: "agent-checkout",
    runId: "run-7",
    userId: "alice@example.com",
    tags: { customer: "alice@example.com" },
    metadata: {
      ip: "203.0.113.9",
      email: "alice@example.com",
      sentry: { user: { email: "b25@victim.example", ip_address: "198.51.100.7" }, request: { url: "https://shop.test/?email=b25@victim.example" } },
      sourceMapDebugIds: { "https://shop.test/app.js": "c941d8e9-0000-4000-8000-000000000001" },
    },
  };

  it("keeps environment, release, agent, run and the debug IDs, and nothing about the end user", () => {
    const context = groupContextOf(event);
    expect(context).toEqual({
      environment: "production",
      release: "shop@2.3.4",
      agentId: "agent-checkout",
      runId: "run-7",
      metadata: { sourceMapDebugIds: { "https://shop.test/app.js": "c941d8e9-0000-4000-8000-000000000001" } },
    });
    const json = JSON.stringify(context);
    for (const personal of ["alice@example.com", "203.0.113.9", "b25@victim.example", "198.51.100.7", "email="]) expect(json).not.toContain(personal);
  });

  it("has no metadata without debug IDs, and leaves out what the event did not have", () => {
    expect(groupContextOf({ ...event, metadata: { email: "x@example.com" } })).toEqual({ environment: "production", release: "shop@2.3.4", agentId: "agent-checkout", runId: "run-7" });
    expect(groupContextOf({ environment: null, release: null, agentId: null, runId: null, metadata: {} })).toEqual({});
  });
});
