import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BASE, SAMPLES, type Variant } from "@/lib/ingest/__fixtures__/sampleTraces";
import { computeFingerprint, normaliseFrame } from "@/lib/ingest/fingerprint";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

/** Parse + fingerprint one sample variant, the way ingestion does. */
function fingerprintOf(name: string, variant: Partial<Variant> = {}) {
  const sample = SAMPLES[name].make({ ...BASE, ...variant });
  const { frames } = parseStackTrace(sample.text);
  return computeFingerprint({ type: sample.type, message: sample.message, frames });
}

function messageOnly(name: string, variant: Partial<Variant> = {}) {
  const sample = SAMPLES[name].make({ ...BASE, ...variant });
  return computeFingerprint({ type: sample.type, message: sample.message, frames: [] });
}

/** The spec's baseline: md5 of type + stack with ":line:col" removed, first 500 chars. */
function baselineFingerprint(type: string, stack: string): string {
  return createHash("md5").update(`${type}${stack.replace(/:\d+:\d+/g, "")}`.slice(0, 500)).digest("hex");
}

describe.each(Object.keys(SAMPLES))("grouping %s errors", (name) => {
  const base = fingerprintOf(name);

  it("groups by stack", () => {
    expect(base.basis).toBe("stack");
    expect(base.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it("(a) same error after a deploy (lines, closure indices, bundle hashes moved) -> same group", () => {
    expect(fingerprintOf(name, { release: 1 }).fingerprint).toBe(base.fingerprint);
  });

  it("(b) same error on another host (different path prefixes) -> same group", () => {
    expect(fingerprintOf(name, { host: 1 }).fingerprint).toBe(base.fingerprint);
    expect(fingerprintOf(name, { host: 1, release: 1 }).fingerprint).toBe(base.fingerprint);
  });

  it("(c) message with other ids -> same group, with a stack and without one", () => {
    expect(fingerprintOf(name, { ids: 1 }).fingerprint).toBe(base.fingerprint);
    const msg = messageOnly(name);
    expect(msg.basis).toBe("message");
    expect(messageOnly(name, { ids: 1 }).fingerprint).toBe(msg.fingerprint);
  });

  it("(d) same exception type from a different call site -> different group", () => {
    const other = fingerprintOf(name, { site: 1 });
    expect(other.fingerprint).not.toBe(base.fingerprint);
    expect(fingerprintOf(name, { site: 1, release: 1, host: 1, ids: 1 }).fingerprint).toBe(other.fingerprint);
  });
});

describe("compared with the baseline md5(type + stack without :line:col)", () => {
  it.each<[string, Partial<Variant>, string]>([
    ["v8", { host: 1 }, "absolute paths differ between hosts"],
    ["python", { release: 1 }, 'Python prints "line 42", not ":42:7"'],
    ["firefox", { release: 1 }, "bundle hash changed on deploy"],
    ["dotnet", { host: 1 }, "C:\\build\\ vs D:\\agent\\"],
    ["go", { release: 1 }, "PC offsets (+0x1d) and closure numbers changed"],
  ])("%s %j: baseline splits, ours groups (%s)", (name, variant) => {
    const a = SAMPLES[name].make(BASE);
    const b = SAMPLES[name].make({ ...BASE, ...variant });
    expect(baselineFingerprint(b.type, b.text)).not.toBe(baselineFingerprint(a.type, a.text));
    expect(fingerprintOf(name, variant).fingerprint).toBe(fingerprintOf(name).fingerprint);
  });

  it("baseline also merges different errors whose first 500 chars agree; ours doesn't", () => {
    const header = `Error: x\n${"    at deep (/app/node_modules/lib/index.js:1:1)\n".repeat(12)}`;
    const a = `${header}    at saveUser (/app/src/users.js:1:1)`;
    const b = `${header}    at deleteUser (/app/src/users.js:1:1)`;
    expect(baselineFingerprint("Error", a)).toBe(baselineFingerprint("Error", b));
    const fp = (text: string) => computeFingerprint({ type: "Error", message: "x", frames: parseStackTrace(text).frames });
    expect(fp(a).fingerprint).not.toBe(fp(b).fingerprint);
  });
});

describe("normaliseFrame", () => {
  it.each<[Frame, string | null]>([
    [{ function: "getUser", filename: "/home/alice/app/src/users.js", lineno: 42, colno: 7 }, "users.js:getUser"],
    [{ function: "getUser", absPath: "C:\\build\\src\\users.js" }, "users.js:getUser"],
    // bundle / content hashes
    [{ function: "f", filename: "https://x.test/static/js/main.3f2a9c1b.js" }, "main.js:f"],
    [{ function: "f", filename: "https://x.test/chunk-ABC123DE.js" }, "chunk.js:f"],
    [{ function: "f", filename: "/assets/app-4f8e2a.min.js" }, "app.min.js:f"],
    [{ function: "f", filename: "/assets/index-BVHUl9xT.js" }, "index.js:f"],
    [{ function: "f", filename: "/assets/index-C-q_oDg2.js" }, "index.js:f"],
    [{ function: "f", filename: "/_next/static/chunks/pages/_app-0a1b2c3d4e5f6a7b.js" }, "_app.js:f"],
    [{ function: "f", filename: "/assets/3f2a9c1b7d.js" }, "<hash>.js:f"],
    [{ function: "f", filename: "/src/user-Settings.js" }, "user-Settings.js:f"], // a word, not a hash
    [{ function: "f", filename: "/src/es2015-polyfills.js" }, "es2015-polyfills.js:f"],
    // query strings and fragments
    [{ function: "f", filename: "https://x.test/app.js?v=123&t=9#frag" }, "app.js:f"],
    // JS markers
    [{ function: "async handleRequest", filename: "/a/routes.js" }, "routes.js:handleRequest"],
    [{ function: "Object.<anonymous>", filename: "/a/index.js" }, "index.js:"],
    [{ function: "<anonymous>", filename: "/a/index.js" }, "index.js:"],
    [{ function: "Foo.<anonymous>", filename: "/a/foo.js" }, "foo.js:Foo"],
    [{ function: "new Widget", filename: "/a/w.js" }, "w.js:Widget"],
    [{ function: "Layer.handle [as handle_request]", filename: "/a/layer.js" }, "layer.js:Layer.handle"],
    [{ function: "async*InvoicePage/<", filename: "/a/main.js" }, "main.js:InvoicePage"],
    [{ function: "global code", filename: "/a/main.js" }, "main.js:"],
    [{ function: "Array.map" }, ":Array.map"],
    // Python
    [{ function: "<lambda>", filename: "/srv/app/jobs.py" }, "jobs.py:lambda"],
    [{ function: "<module>", filename: "/srv/app/main.py" }, "main.py:module"],
    // JVM
    [{ module: "com.acme.Svc", function: "lambda$process$0", filename: "Svc.java" }, "com.acme.Svc:lambda"],
    [{ module: "com.acme.Svc$1", function: "run" }, "com.acme.Svc:run"],
    [{ module: "com.acme.Svc$$Lambda$14/0x0000000800c0b000", function: "accept" }, "com.acme.Svc:accept"],
    [{ module: "com.acme.Svc$$EnhancerBySpringCGLIB$$3f2a9c1b", function: "pay" }, "com.acme.Svc:pay"],
    [{ module: "com.acme.Svc", function: "<init>" }, "com.acme.Svc:init"],
    // Go
    [{ module: "main", function: "main.func1" }, "main:main.func"],
    [{ module: "github.com/acme/api", function: "(*Server).handle.func2.1" }, "github.com/acme/api:(*Server).handle.func"],
    // .NET compiler-generated names
    [{ module: "Acme.OrderService", function: "<Get>b__0_0" }, "Acme.OrderService:Get"],
    [{ module: "Acme.OrderService.<LoadAsync>d__5", function: "MoveNext" }, "Acme.OrderService:LoadAsync"],
    [{ module: "Acme.OrderService.<>c", function: "<Get>b__3_0" }, "Acme.OrderService:Get"],
    [{ module: "Acme.OrderService.<>c__DisplayClass5_0", function: "<Get>b__1" }, "Acme.OrderService:Get"],
    [{ module: "Acme.Program", function: "<Main>g__Helper|0_0" }, "Acme.Program:Main"],
    // Ruby / PHP
    [{ function: "block (2 levels) in show", filename: "app/users_controller.rb" }, "users_controller.rb:block in show"],
    [{ function: "<main>", filename: "bin/rails" }, "rails:main"],
    [{ module: "App\\Http", function: "{closure}" }, "App\\Http:closure"],
    [{ function: "{closure:/var/www/a.php:12}" }, ":closure"],
    // nothing usable
    [{}, null],
    [{ function: "<anonymous>" }, null],
    [{ lineno: 3, colno: 4 }, null],
    [{ filename: "<anonymous>", function: "" }, null],
  ])("%j -> %s", (frame, expected) => {
    expect(normaliseFrame(frame)).toBe(expected);
  });
});

describe("computeFingerprint", () => {
  const app = (fn: string, file = "/app/src/a.js"): Frame => ({ function: fn, filename: file, inApp: true });
  const lib = (fn: string): Frame => ({ function: fn, filename: "/app/node_modules/x/index.js", inApp: false });
  const fp = (frames: Frame[], type = "Error") => computeFingerprint({ type, message: "m", frames }).fingerprint;

  it("uses only in-app frames when there are any", () => {
    expect(fp([lib("dispatch"), app("save"), lib("query")])).toBe(fp([lib("route"), app("save"), lib("exec")]));
  });

  it("uses all frames when none is in-app", () => {
    expect(fp([lib("a"), lib("b")])).not.toBe(fp([lib("a"), lib("c")]));
  });

  it("guesses inApp for frames that don't say", () => {
    const f = (name: string): Frame => ({ function: name, filename: "/srv/node_modules/pg/client.js" });
    expect(fp([f("query"), { function: "save", filename: "/srv/src/repo.js" }])).toBe(
      fp([f("connect"), { function: "save", filename: "/srv/src/repo.js" }]),
    );
  });

  it("includes the exception type", () => {
    expect(fp([app("save")], "TypeError")).not.toBe(fp([app("save")], "RangeError"));
  });

  it("collapses recursion: consecutive duplicate frames count once", () => {
    const walk = (depth: number) => [app("main"), ...Array.from({ length: depth }, () => app("walk")), app("visit")];
    expect(fp(walk(3))).toBe(fp(walk(250)));
    expect(fp(walk(3))).not.toBe(fp([app("main"), app("visit")]));
  });

  it("keeps only the innermost 30 frames", () => {
    const deep = (outer: string) => [app(outer), ...Array.from({ length: 30 }, (_, i) => app(`f${i}`))];
    expect(fp(deep("bootA"))).toBe(fp(deep("bootB")));
    const shallow = (outer: string) => [app(outer), ...Array.from({ length: 29 }, (_, i) => app(`f${i}`))];
    expect(fp(shallow("bootA"))).not.toBe(fp(shallow("bootB")));
  });

  it("falls back to type + parameterised message when no frame is usable", () => {
    const r = computeFingerprint({ type: "Error", message: "User 42 not found", frames: [{ lineno: 1 }] });
    expect(r.basis).toBe("message");
    expect(r.fingerprint).toBe(computeFingerprint({ type: "Error", message: "User 97 not found", frames: [] }).fingerprint);
    expect(r.fingerprint).not.toBe(computeFingerprint({ type: "Error", message: "Order 42 not found", frames: [] }).fingerprint);
    expect(r.fingerprint).not.toBe(computeFingerprint({ type: "TypeError", message: "User 42 not found", frames: [] }).fingerprint);
  });

  it("stack and message bases never collide on the same text", () => {
    const stack = computeFingerprint({ type: "E", message: "", frames: [{ function: "f", filename: "a.js" }] });
    const message = computeFingerprint({ type: "E", message: "a.js:f", frames: [] });
    expect(stack.fingerprint).not.toBe(message.fingerprint);
  });

  it.each([" [as ".repeat(20_000), "/<".repeat(50_000), ".".repeat(100_000), "<>c.".repeat(20_000), "-aaaaaaaa.".repeat(10_000)])(
    "stays fast on pathological names #%#",
    (name) => {
      const start = performance.now();
      normaliseFrame({ function: name, module: name.includes("<>") ? name : undefined, filename: name });
      computeFingerprint({ type: "E", message: name, frames: Array.from({ length: 200 }, () => ({ function: name, filename: name })) });
      expect(performance.now() - start).toBeLessThan(1000);
    },
  );

  describe("custom fingerprints", () => {
    const frames = [app("save")];
    const base = { type: "Error", message: "boom", frames };

    it("without {{ default }} the custom array alone defines the group", () => {
      const a = computeFingerprint({ ...base, custom: ["payment-gateway-down"] });
      const b = computeFingerprint({ type: "TypeError", message: "other", frames: [app("load")], custom: ["payment-gateway-down"] });
      expect(a).toEqual(b);
      expect(a.basis).toBe("custom");
      expect(computeFingerprint({ ...base, custom: ["other-group"] }).fingerprint).not.toBe(a.fingerprint);
    });

    it("{{ default }} expands to the default grouping", () => {
      const tenantA = computeFingerprint({ ...base, custom: ["{{ default }}", "tenant-a"] });
      const tenantB = computeFingerprint({ ...base, custom: ["{{default}}", "tenant-b"] });
      const tenantA2 = computeFingerprint({ ...base, frames: [{ ...frames[0], lineno: 99 }], custom: ["{{default}}", "tenant-a"] });
      expect(tenantA.basis).toBe("custom");
      expect(tenantA.fingerprint).not.toBe(tenantB.fingerprint);
      expect(tenantA2.fingerprint).toBe(tenantA.fingerprint);
      const otherSite = computeFingerprint({ ...base, frames: [app("load")], custom: ["{{ default }}", "tenant-a"] });
      expect(otherSite.fingerprint).not.toBe(tenantA.fingerprint);
    });

    it("{{ default }} alone is exactly the default grouping", () => {
      expect(computeFingerprint({ ...base, custom: ["{{ default }}"] })).toEqual(computeFingerprint(base));
      expect(computeFingerprint({ ...base, custom: [" {{default}} "] })).toEqual(computeFingerprint(base));
    });

    it("a custom array never collides with a default key", () => {
      const plain = computeFingerprint({ type: "E", message: "", frames: [{ function: "f", filename: "a.js" }] });
      expect(computeFingerprint({ ...base, custom: ["stack", "E", "a.js:f"] }).fingerprint).not.toBe(plain.fingerprint);
    });

    it("an empty custom array is ignored", () => {
      expect(computeFingerprint({ ...base, custom: [] })).toEqual(computeFingerprint(base));
    });

    it("component boundaries matter", () => {
      expect(computeFingerprint({ ...base, custom: ["a b", "c"] }).fingerprint).not.toBe(
        computeFingerprint({ ...base, custom: ["a", "b c"] }).fingerprint,
      );
    });
  });
});

describe("computeFingerprint on shared frames", () => {
  it("gives a frozen (shared) frames array the fingerprint its copy gets, however often it is asked", () => {
    const frames = [
      { function: "handler", filename: "/srv/app/src/routes/r.ts", lineno: 10, inApp: true },
      { function: "main", filename: "/srv/app/src/index.ts", lineno: 3, inApp: true },
    ];
    const own = computeFingerprint({ type: "TypeError", message: "boom 1", frames: frames.map((f) => ({ ...f })) });
    const shared = Object.freeze(frames.map((f) => Object.freeze({ ...f }))) as Frame[];
    expect(computeFingerprint({ type: "TypeError", message: "boom 2", frames: shared })).toEqual(own);
    expect(computeFingerprint({ type: "TypeError", message: "boom 3", frames: shared })).toEqual(own);
    expect(computeFingerprint({ type: "RangeError", message: "boom", frames: shared }).fingerprint).not.toBe(own.fingerprint);
  });
});
