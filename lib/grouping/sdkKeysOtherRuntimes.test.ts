import { describe, expect, it } from "vitest";
import { fingerprintCorpusEvent } from "@/lib/grouping/corpus/fingerprintCorpusEvent";
import { groupEvent } from "@/lib/grouping/groupEvent";
import { withoutCpuVariant } from "@/lib/grouping/frames/libcCpuVariant";
import { contextLineKey } from "@/lib/grouping/frames/contextLineKey";

const keyOf = (event: Record<string, unknown>) =>
  fingerprintCorpusEvent({ id: "t", bug: "t", platform: String(event.platform), format: "sentry", type: "", message: "", body: JSON.stringify(event), runtime: "t" }).fingerprint;

type SentryFrame = Record<string, unknown>;
const exceptionEvent = (platform: string, sdk: string, type: string, value: string, frames: SentryFrame[], extra: Record<string, unknown> = {}) => ({
  event_id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  platform,
  level: "error",
  timestamp: 1767225600,
  sdk: { name: sdk, version: "8.0.0" },
  exception: { values: [{ type, value, mechanism: { type: "generic", handled: false, ...extra }, stacktrace: { frames } }] },
});

describe("sentry-java: in-app-includes naming a package the library list holds", () => {
  // sentry-java writes in_app only when an include or exclude matched; an Apache project's own code is org.apache.*.
  const jvm = (module: string, fn: string, lineno: number, inApp?: boolean): SentryFrame => ({ filename: `${module.slice(module.lastIndexOf(".") + 1)}.java`, module, function: fn, lineno, ...(inApp !== undefined && { in_app: inApp }) });
  const event = (inner: string, value: string, inApp: boolean | undefined) =>
    exceptionEvent("java", "sentry.java.spring-boot.jakarta", "IllegalStateException", value, [
      jvm("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 140),
      jvm("org.apache.ofbiz.order.OrderServices", "createOrder", 210, inApp),
      jvm(`org.apache.ofbiz.order.${inner}`, "apply", 88, inApp),
    ]);

  it("keys on the frames the SDK was configured to mark in-app", () => {
    expect(keyOf(event("TaxCalculator", "no tax rate for DE-BY (order 118)", true))).toBe(keyOf(event("TaxCalculator", "no tax rate for FR-75 (order 9)", true)));
    expect(keyOf(event("TaxCalculator", "no tax rate", true))).not.toBe(keyOf(event("ShippingCalculator", "no tax rate", true)));
  });

  it("a JVM text trace's frames are not the SDK's: Spring and Tomcat stay library code", () => {
    const trace = "java.lang.IllegalStateException: boom\n\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)\n\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:140)";
    const grouped = groupEvent({ type: "IllegalStateException", message: "boom", stackTrace: trace, platform: "java" });
    expect(grouped.culprit).toBeUndefined();
  });
});

describe("sentry-dotnet: InAppInclude naming a namespace the SDK excludes by default", () => {
  const frame = (module: string, fn: string, lineno: number, inApp: boolean): SentryFrame => ({ module, function: fn, lineno, in_app: inApp, package: `${module.split(".").slice(0, 2).join(".")}, Version=1.0.0.0` });
  const event = (inner: string, value: string) =>
    exceptionEvent("csharp", "sentry.dotnet.aspnetcore", "InvalidOperationException", value, [
      frame("Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker", "InvokeActionMethodAsync", 60, false),
      frame("Microsoft.Contoso.Billing.InvoiceService", inner, 42, true),
    ]);
  it("keys on them", () => {
    expect(keyOf(event("Issue", "invoice 7 is locked"))).toBe(keyOf(event("Issue", "invoice 912 is locked")));
    expect(keyOf(event("Issue", "locked"))).not.toBe(keyOf(event("Void", "locked")));
  });
});

describe("context lines for PHP and Ruby frames", () => {
  it("sentry-php: two closures of one controller are two issues; one moved is one", () => {
    const php = (closureLine: string, lineno: number) =>
      keyOf(exceptionEvent("php", "sentry.php.laravel", "RuntimeException", "failed", [
        { filename: "/var/www/html/vendor/laravel/framework/src/Illuminate/Collections/Collection.php", abs_path: "/var/www/html/vendor/laravel/framework/src/Illuminate/Collections/Collection.php", function: "Illuminate\\Support\\Collection::map", lineno: 715, in_app: false },
        { filename: "/app/Http/Controllers/ReportController.php", abs_path: "/var/www/html/app/Http/Controllers/ReportController.php", function: "App\\Http\\Controllers\\ReportController::App\\Http\\Controllers\\{closure}", lineno, context_line: closureLine, in_app: true },
        { filename: "/app/Services/Exporter.php", abs_path: "/var/www/html/app/Services/Exporter.php", function: "App\\Services\\Exporter::write", lineno: 30, context_line: "        throw new RuntimeException('failed');", in_app: true },
      ]));
    const rows = php("            return $this->exporter->write($row);", 41);
    expect(php("            return $this->exporter->write($invoice->lines);", 77)).not.toBe(rows);
    expect(php("    return $this->exporter->write($row);", 52)).toBe(rows);
  });

  it("sentry-ruby: two raising lines of one method are two issues", () => {
    const rb = (line: string, lineno: number) =>
      keyOf(exceptionEvent("ruby", "sentry.ruby.rails", "KeyError", "key not found", [
        { filename: "app/controllers/orders_controller.rb", abs_path: "/rails/app/controllers/orders_controller.rb", function: "create", lineno, context_line: line, in_app: true },
      ]));
    expect(rb("    params.fetch(:order)", 12)).not.toBe(rb("    config.fetch(:gateway)", 19));
    expect(rb("    params.fetch(:order)", 14)).toBe(rb("params.fetch(:order)", 12));
  });

  it("a Python text traceback (whose source lines the parser reads) is keyed as before: no line in the key", () => {
    const trace = (line: string) => `Traceback (most recent call last):\n  File "/srv/app/app/views.py", line 10, in update_profile\n    ${line}\nKeyError: 'x'`;
    expect(groupEvent({ type: "KeyError", message: "'x'", stackTrace: trace("user_id = data['user_id']"), platform: "python" }).fingerprint).toBe(
      groupEvent({ type: "KeyError", message: "'x'", stackTrace: trace("email = data['email']"), platform: "python" }).fingerprint,
    );
  });
});

describe("sentry-native: apps under /usr are the app's, libc's CPU variants one function", () => {
  const event = (binary: string, inner: string, memmove: string) =>
    exceptionEvent("native", "sentry.native", "SIGSEGV", "Segfault", [
      { function: "start_thread", package: "/usr/lib/x86_64-linux-gnu/libc.so.6", instruction_addr: "0x7f3a1c294ac3" },
      { function: "WorkerPool::loop()", package: binary, instruction_addr: "0x55d0c8a86f20" },
      { function: "Renderer::renderTile(Tile const&)", package: binary, instruction_addr: "0x55d0c8b5a0e8" },
      { function: inner, package: binary, instruction_addr: "0x55d0c8bc4d21" },
      { function: memmove, package: "/usr/lib/x86_64-linux-gnu/libc.so.6", instruction_addr: "0x7f3a1c3a47c5" },
    ], { synthetic: true, meta: { signal: { name: "SIGSEGV", number: 11 } } });

  it.each(["/usr/local/bin/tiler", "/usr/bin/tiler", "/opt/tiler/bin/tiler"])("%s: the app's frames tell two crashes apart, one crash is one issue on any CPU", (binary) => {
    const write = keyOf(event(binary, "TileEncoder::writeRun(unsigned char const*, unsigned long)", "__memmove_avx_unaligned_erms"));
    expect(keyOf(event(binary, "LabelPlacer::place(Label const&)", "__memmove_avx_unaligned_erms"))).not.toBe(write);
    expect(keyOf(event(binary, "TileEncoder::writeRun(unsigned char const*, unsigned long)", "__memmove_evex_unaligned_erms"))).toBe(write);
    expect(keyOf(event(binary, "TileEncoder::writeRun(unsigned char const*, unsigned long)", "__memmove_sse2_unaligned"))).toBe(write);
  });

  it("sources built in /usr/src are the app's; /usr/include's headers are the system's", () => {
    const built = (src: string, inner: string) => {
      const e = exceptionEvent("native", "sentry.native", "tiler::EncodeError", "bad run", [
        { function: "__libc_start_main", package: "/usr/lib/x86_64-linux-gnu/libc.so.6", instruction_addr: "0x7f3a1c229e40" },
        { function: "main", package: "/srv/tiler/tiler", abs_path: `${src}/main.cpp`, filename: "main.cpp", lineno: 12, instruction_addr: "0x55d0c8a4f3e1" },
        { function: inner, package: "/srv/tiler/tiler", abs_path: `${src}/encoder.cpp`, filename: "encoder.cpp", lineno: 211, instruction_addr: "0x55d0c8bc4d21" },
        { function: "std::vector<int>::at(unsigned long)", package: "/srv/tiler/tiler", abs_path: "/usr/include/c++/13/bits/stl_vector.h", lineno: 1149, instruction_addr: "0x55d0c8bc4e00" },
      ]);
      return keyOf(e);
    };
    expect(built("/usr/src/tiler/src", "TileEncoder::writeRun()")).toBe(built("/home/build/tiler/src", "TileEncoder::writeRun()"));
    expect(built("/usr/src/tiler/src", "TileEncoder::writeRun()")).not.toBe(built("/usr/src/tiler/src", "LabelPlacer::place()"));
  });

  it("a gdb text trace of an app in /usr/local/bin keys on its frames", () => {
    const bt = (fn: string) => `#0  __memmove_avx_unaligned_erms () at ../sysdeps/x86_64/multiarch/memmove-vec-unaligned-erms.S:314\n#1  0x000055d0c8bc4d21 in ${fn} () at /usr/src/tiler/src/encoder.cpp:211\n#2  0x000055d0c8b5a0e8 in Renderer::renderTile (tile=...) at /usr/src/tiler/src/renderer.cpp:80\n#3  0x000055d0c8a4f3e1 in main () at /usr/src/tiler/src/main.cpp:12`;
    const a = groupEvent({ type: "SIGSEGV", message: "", stackTrace: bt("TileEncoder::writeRun"), platform: "native" });
    expect(a.culprit?.function).toBe("TileEncoder::writeRun");
    expect(groupEvent({ type: "SIGSEGV", message: "", stackTrace: bt("LabelPlacer::place"), platform: "native" }).fingerprint).not.toBe(a.fingerprint);
    // Version 1 judged the frames as it did: its guess, frozen with its keys, still takes /usr/src for the system's.
    expect(a.exceptions[0].frames.find((f) => f.function === "TileEncoder::writeRun")?.inApp).toBe(true);
  });
});

describe("hostile inputs", () => {
  it("libc variant names and context lines are read in linear time", () => {
    const start = Date.now();
    expect(withoutCpuVariant(`__memmove${"_avx".repeat(5000)}x`)).toContain("__memmove");
    expect(withoutCpuVariant("__memmove_avx_unaligned_erms")).toBe("__memmove");
    expect(withoutCpuVariant("__memmove_avx512_no_vzeroupper")).toBe("__memmove");
    expect(withoutCpuVariant("_platform_memmove$VARIANT$Haswell")).toBe("_platform_memmove");
    expect(withoutCpuVariant("memmove_helper_avx")).toBe("memmove_helper_avx");
    expect(contextLineKey({ contextLine: `${" \t".repeat(2000)}x` })).toBe("x");
    expect(contextLineKey({ contextLine: "x".repeat(4000) })).toBeUndefined();
    expect(Date.now() - start).toBeLessThan(200);
  });
});

describe("what the API and the event viewer show in-app", () => {
  it("a text trace's Spring frames (stored with version 1's guess) are not in-app; a Sentry SDK's configured in_app is", async () => {
    const { viewStoredFrames } = await import("@/lib/errors/events/eventFrames");
    const spring = { module: "org.springframework.web.servlet.FrameworkServlet", function: "service", filename: "FrameworkServlet.java", lineno: 885, inApp: true };
    const own = { module: "com.acme.shop.OrderController", function: "create", filename: "OrderController.java", lineno: 42, inApp: true };
    expect(viewStoredFrames([spring, own], "java")?.map((f) => f.inApp)).toEqual([false, true]);
    const apache = { module: "org.apache.ofbiz.order.OrderServices", function: "createOrder", filename: "OrderServices.java", lineno: 210, inApp: true };
    expect(viewStoredFrames([apache], "java", undefined, true)?.[0].inApp).toBe(true);
    expect(viewStoredFrames([apache], "java", undefined, false)?.[0].inApp).toBe(false);
    expect(viewStoredFrames(null, "java")).toBeNull();
  });
});
