import { describe, expect, it } from "vitest";
import type { ChainException } from "@/lib/grouping/chain/ChainException";
import { fingerprintChain } from "@/lib/grouping/fingerprintChain";
import { groupEvent } from "@/lib/grouping/groupEvent";
import type { Frame } from "@/lib/ingest/stacktrace/frame";

const f = (fn: string, file = "/app/src/svc.py"): Frame => ({ function: fn, filename: file, absPath: file, lineno: 1 });
const ex = (type: string, frames: Frame[], relation: ChainException["relation"] = "raised", message = "m"): ChainException => ({ type, message, frames, relation });
const key = (chain: ChainException[], custom?: string[]) => fingerprintChain({ exceptions: chain, language: "python", custom }).fingerprint;

describe("fingerprintChain", () => {
  const raised = ex("SyncError", [f("main"), f("sync"), f("fetch")]);

  it("tells one raise site apart by its cause's type and frames", () => {
    const timeout = key([raised, ex("Timeout", [f("main"), f("sync"), f("fetch"), f("read")], "cause")]);
    const parse = key([raised, ex("ParseError", [f("main"), f("sync"), f("fetch"), f("decode")], "cause")]);
    expect(timeout).not.toBe(parse);
    expect(timeout).not.toBe(key([raised]));
  });

  it("ignores the outer frames a cause shares with the exception it is attached to", () => {
    const full = key([raised, ex("Timeout", [f("main"), f("sync"), f("fetch"), f("read")], "cause")]);
    const elided = key([raised, ex("Timeout", [f("read")], "cause")]);
    expect(full).toBe(elided);
  });

  it("fingerprints an exception group's members as causes, as before members had a relation of their own (no issue splits), wrappers unwrapped alike", () => {
    const members = (relation: ChainException["relation"]) => [ex("KeyError", [f("save")], relation), ex("ValueError", [f("fetch")], relation)];
    const group = ex("ExceptionGroup", [f("main"), f("run")]);
    expect(key([group, ...members("member")])).toBe(key([group, ...members("cause")]));
    const aggregate = ex("System.AggregateException", [f("Main")]);
    expect(key([aggregate, ...members("member")])).toBe(key([aggregate, ...members("cause")]));
    expect(key([aggregate, ...members("member")])).toBe(key([{ ...members("cause")[0], relation: "raised" }, members("cause")[1]]));
  });

  it("leaves suppressed exceptions out", () => {
    expect(key([raised, ex("IOError", [f("close")], "suppressed")])).toBe(key([raised]));
  });

  it("groups message-only events by type and parameterised message", () => {
    expect(key([ex("Message", [], "raised", "user 12 missing")])).toBe(key([ex("Message", [], "raised", "user 97 missing")]));
    expect(key([ex("Message", [], "raised", "user 12 missing")])).not.toBe(key([ex("Message", [], "raised", "order 12 missing")]));
  });

  it("honours custom fingerprints with {{ default }}", () => {
    expect(key([raised], ["tenant-a"])).not.toBe(key([raised]));
    expect(key([raised], ["{{ default }}"])).toBe(key([raised]));
    expect(key([raised], ["{{ default }}", "a"])).not.toBe(key([raised], ["{{ default }}", "b"]));
  });

  it("weak (library-only) stacks add the normalised message", () => {
    const lib = (msg: string) => key([ex("Timeout", [f("get", "/usr/lib/python3.12/site-packages/requests/api.py")], "raised", msg)]);
    expect(lib("timed out after 5s")).toBe(lib("timed out after 30s"));
    expect(lib("timed out after 5s")).not.toBe(lib("connection refused"));
  });
});

describe("fingerprintChain of Go error values", () => {
  // sentry-go reports an error without a stack of its own with the stack of the CaptureException call.
  const captureSite = [{ function: "main", module: "main", filename: "main.go", absPath: "/srv/api/main.go", lineno: 36, inApp: true }, { function: "(*Server).report", module: "github.com/acme/api/internal/http", filename: "errors.go", lineno: 12, inApp: true }];
  const goKey = (chain: ChainException[]) => fingerprintChain({ exceptions: chain, language: "go" }).fingerprint;
  const wrapped = (outer: string, root: string, rootType = "*errors.errorString") => [
    ex("*fmt.wrapError", captureSite, "raised", outer),
    ex(rootType, [], "cause", root),
  ];

  it("keys plain errors captured at one place on their root cause's text, not the context wrapped around it", () => {
    expect(goKey(wrapped("handle: load order A-17: connection refused", "connection refused"))).toBe(goKey(wrapped("handle: load order B-99: connection refused", "connection refused")));
    expect(goKey(wrapped("handle: load order A-17: connection refused", "connection refused"))).not.toBe(goKey(wrapped("handle: load order A-17: sql: no rows in result set", "sql: no rows in result set")));
    // errors.New captured directly: its own text.
    expect(goKey([ex("*errors.errorString", captureSite, "raised", "queue is full")])).not.toBe(goKey([ex("*errors.errorString", captureSite, "raised", "quota exceeded")]));
    expect(goKey([ex("*errors.errorString", captureSite, "raised", "retry 3 of 5 failed")])).toBe(goKey([ex("*errors.errorString", captureSite, "raised", "retry 4 of 5 failed")]));
  });

  it("leaves typed errors, typed root causes and panics keyed on their stack as before", () => {
    expect(goKey(wrapped("load config: open /etc/a.yaml: no such file or directory", "open /etc/a.yaml: no such file or directory", "*fs.PathError"))).toBe(
      goKey(wrapped("load config: open /srv/a.yaml: permission denied", "open /srv/a.yaml: permission denied", "*fs.PathError")),
    );
    const typed = (message: string) => [ex("*net.OpError", captureSite, "raised", message)];
    expect(goKey(typed("dial tcp 10.0.0.1:5432: connect: connection refused"))).toBe(goKey(typed("read tcp: i/o timeout")));
    const panic = (message: string) => [ex("runtime.boundsError", captureSite, "raised", message)];
    expect(goKey(panic("index out of range [5] with length 3"))).toBe(goKey(panic("index out of range [7] with length 2")));
  });
});

describe("groupEvent", () => {
  it("keeps the grouping-version-1 fingerprint of the same event beside the new one", () => {
    const text = "TypeError: x\n    at render (/app/src/cart.js:10:5)\n    at main (/app/src/index.js:2:1)";
    const a = groupEvent({ type: "TypeError", message: "x", stackTrace: text, platform: "node" });
    const b = groupEvent({ type: "TypeError", message: "x", stackTrace: text.replace("/app/", "/srv/"), platform: "node" });
    expect(a.legacyFingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(a.legacyFingerprint).not.toBe(a.fingerprint);
    expect(b.legacyFingerprint).toBe(a.legacyFingerprint);
  });

  it("takes the chain from `exceptions` (raised first) and renders its text", () => {
    const g = groupEvent({
      type: "Error",
      message: "checkout failed",
      exceptions: [
        { type: "Error", message: "checkout failed", stackTrace: [f("checkout", "/app/src/checkout.js")] },
        { type: "TypeError", message: "fetch failed", stackTrace: [f("fetchStock", "/app/src/stock.js")] },
      ],
      platform: "node",
    });
    expect(g.exceptions.map((e) => [e.type, e.relation])).toEqual([["Error", "raised"], ["TypeError", "cause"]]);
    expect(g.stackText).toContain("Caused by: TypeError: fetch failed");
  });
});
