import { describe, expect, it } from "vitest";
import { eventFrames, eventTypeOf, frameLanguage, viewChain, viewFrame, viewStoredFrames } from "@/lib/errors/events/eventFrames";

const TRACE = "TypeError: x\n    at computeInvoice (/srv/app/src/billing/invoice.ts:42:17)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)";

describe("eventFrames", () => {
  it("uses the frames of the event's own stored chain when its trace differs from the issue's (an SDK's flags and modules kept)", () => {
    // The shape prepareEvent stores (toStoredChain): the raised exception first, then its causes.
    const exceptions = [
      { type: "ValueError", message: "bad", relation: "raised", frames: [{ function: "handler", module: "shop.views", filename: "shop/views.py", lineno: 12, inApp: true }] },
      { type: "KeyError", message: "x", relation: "cause", frames: [{ function: "lookup", lineno: 3 }] },
    ];
    expect(eventFrames({ stackTrace: "ValueError: bad\n  File shop/views.py, line 12", exceptions }, { stackTrace: "ValueError: bad\n  File shop/views.py, line 11", frames: [{ function: "group" }], platform: "python" })).toEqual([exceptions[0].frames[0]]);
    // A Java trace whose text the parser would not read back: the stored frames are still there.
    const java = [{ type: "IllegalStateException", message: "", relation: "raised", frames: [{ function: "charge", module: "com.shop.Billing", filename: "Billing.java", lineno: 88, inApp: true }] }];
    expect(eventFrames({ stackTrace: "java.lang.IllegalStateException\n  at com.shop.Billing.charge(Billing.java:88)", exceptions: java }, { stackTrace: "other", frames: null, platform: "java" })).toEqual(java[0].frames);
    // A chain stored without frames (migrated rows) falls through to the text.
    expect(eventFrames({ stackTrace: TRACE, exceptions: [{ type: "TypeError", frames: [] }] }, { stackTrace: "other", frames: null, platform: "node" }).map((f) => f.function)).toEqual(["process.processTicksAndRejections", "computeInvoice"]);
  });

  it("uses the issue's frames (with source context) for an event sent as text whose trace is the same", () => {
    const frames = [{ function: "checkout", contextLine: "return cart.items.length;", preContext: ["function checkout() {"], inApp: true }];
    expect(eventFrames({ stackTrace: TRACE }, { stackTrace: TRACE, frames, platform: "javascript" })).toEqual(frames);
  });

  // Three events of one Python issue: one trace text, each with its own locals and deploy path.
  const TEXT = "OrderFailed: order failed\n  at place (shop/orders.py:20)";
  const place = (i: number) => ({ function: "place", module: "shop.orders", filename: "shop/orders.py", absPath: `/srv/releases/${i}/shop/orders.py`, lineno: 20, inApp: true, contextLine: "    raise OrderFailed(order_id)", vars: { order_id: String(1000 + i) } });
  const issue = { stackTrace: TEXT, frames: [{ ...place(0), preContext: ["def place(order_id):"], postContext: [""] }], platform: "python" };

  it("uses the event's own stored frames even when its trace text is the issue's: its variables and paths, not the first event's", () => {
    const own = [place(1)];
    const exceptions = [{ type: "OrderFailed", message: "order failed", relation: "raised", frames: own }];
    const shown = eventFrames({ stackTrace: TEXT, exceptions, sourceContext: [{ file: "shop/orders.py", line: 20, col: null, pre: ["# own"], ctx: "x", post: [] }] }, issue);
    expect(shown).toEqual(own);
    expect(shown[0]).toMatchObject({ vars: { order_id: "1001" }, absPath: "/srv/releases/1/shop/orders.py" });
  });

  it("gives a row stored before events kept their own source lines the issue's lines around a line that is the same", () => {
    const exceptions = [{ type: "OrderFailed", message: "order failed", relation: "raised", frames: [place(2)] }];
    const shown = eventFrames({ stackTrace: TEXT, exceptions, sourceContext: null }, issue);
    expect(shown[0]).toMatchObject({ vars: { order_id: "1002" }, absPath: "/srv/releases/2/shop/orders.py", preContext: ["def place(order_id):"], postContext: [""] });
    // Another line of code at that place (a deploy changed it): none of the first event's lines.
    const changed = [{ type: "OrderFailed", message: "order failed", relation: "raised", frames: [{ ...place(3), contextLine: "    raise OrderFailed(order_id, customer)" }] }];
    expect(eventFrames({ stackTrace: TEXT, exceptions: changed }, issue)[0].preContext).toBeUndefined();
  });

  it("parses the event's trace when it differs, guessing in-app frames", () => {
    const frames = eventFrames({ stackTrace: TRACE }, { stackTrace: "other", frames: [{ function: "x" }], platform: "node" });
    expect(frames.map((f) => [f.function, f.inApp])).toEqual([
      ["process.processTicksAndRejections", false],
      ["computeInvoice", true],
    ]);
    expect(eventFrames({ stackTrace: null }, { stackTrace: null, frames: null, platform: null })).toEqual([]);
  });
});

describe("eventTypeOf", () => {
  it("is the event's own raised type when its chain is stored, else the issue's", () => {
    expect(eventTypeOf([{ type: "InterfaceError", message: "", relation: "raised", frames: [] }], "OperationalError")).toBe("InterfaceError");
    expect(eventTypeOf(null, "OperationalError")).toBe("OperationalError");
    expect(eventTypeOf([{ type: "" }], "OperationalError")).toBe("OperationalError");
    expect(eventTypeOf("junk", "OperationalError")).toBe("OperationalError");
  });
});

describe("frameLanguage", () => {
  it("follows the file extension, then the platform", () => {
    expect(frameLanguage({ filename: "app/models/user.rb" }, "javascript")).toBe("ruby");
    expect(frameLanguage({ filename: "http://x.test/static/app.tsx?v=1" }, null)).toBe("tsx");
    expect(frameLanguage({ function: "main" }, "python")).toBe("python");
    expect(frameLanguage({}, null)).toBe("text");
  });
});

describe("viewFrame", () => {
  const spring = { module: "org.springframework.web.servlet.FrameworkServlet", function: "service", filename: "FrameworkServlet.java", lineno: 897 };
  const own = { module: "com.shop.orders.OrderService", function: "checkout", filename: "OrderService.java", lineno: 42 };

  it("shows a frame as the app's own exactly when grouping keys on it: frameworks are not, even when a client says so", () => {
    expect(viewFrame(spring, "java").inApp).toBe(false);
    expect(viewFrame({ ...spring, inApp: true }, "java").inApp).toBe(false);
    expect(viewFrame(own, "java")).toMatchObject({ inApp: true, language: "java" });
    expect(viewFrame({ ...own, inApp: false }, "java").inApp).toBe(false);
    // A trace sent as text with no platform: the file's extension says it is Java.
    expect(viewFrame(spring, null).inApp).toBe(false);
  });

  it("follows the project's frame rules", () => {
    expect(viewFrame(own, "java", (frame) => (frame.module?.startsWith("com.shop.orders") ? "library" : undefined)).inApp).toBe(false);
    expect(viewFrame(spring, "java", () => "app").inApp).toBe(true);
  });
});

describe("viewChain and viewStoredFrames: an SDK that flagged every frame in_app false", () => {
  // sentry-elixir with its default config: MyApp's own frames arrive flagged false like Phoenix's.
  const frames = [
    { module: "Elixir.Phoenix.Router", function: "Phoenix.Router.__call__/5", filename: "lib/phoenix/router.ex", lineno: 484, inApp: false },
    { module: "Elixir.MyApp.Billing.Pricing", function: "MyApp.Billing.Pricing.total/1", filename: "lib/my_app/billing/pricing.ex", lineno: 33, inApp: false },
    { module: "Elixir.Map", function: "Map.fetch!/2", filename: "lib/map.ex", lineno: 319, inApp: false },
  ];
  const chain = [{ type: "KeyError", message: "key :currency not found", relation: "raised", frames, clientFrames: true }];
  const inApp = (shown: { inApp?: boolean }[] | null | undefined) => shown?.map((f) => f.inApp);

  it("shows the frames as grouping judged them: the app's own in-app, Elixir's and Phoenix's not", () => {
    expect(inApp(viewChain(chain, "elixir", undefined, true)?.[0].frames)).toEqual([false, true, false]);
    expect(inApp(viewStoredFrames(frames, "elixir", undefined, true))).toEqual([false, true, false]);
  });

  it("keeps the flags when one frame is flagged in-app, and for frames that did not come from a client", () => {
    const oneTrue = frames.map((f, i) => (i === 0 ? { ...f, inApp: true } : f));
    expect(inApp(viewStoredFrames(oneTrue, "elixir", undefined, true))).toEqual([false, false, false]);
    expect(inApp(viewStoredFrames(frames, "elixir", undefined, false))).toEqual([false, false, false]);
  });
});
