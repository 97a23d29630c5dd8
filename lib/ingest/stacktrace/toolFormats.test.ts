import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";

/** Traces as tools around the runtimes print them (log frameworks, runtimes' module loaders, localized .NET). */
const prepare = (type: string, stackTrace: string, message = "x") => prepareEvent(IngestEventSchema.parse({ type, message, stackTrace }));
const read = (type: string, stackTrace: string) => {
  const event = prepare(type, stackTrace);
  return { platform: event.platform, culprit: culpritOf(event.frames, event.platform, event.exceptions), chain: (event.exceptions ?? []).map((e) => e.type), frames: event.frames };
};

describe("traces as tools print them", () => {
  it("Logback / Log4j2 packaging data after each JVM frame", () => {
    const trace = (line: number) =>
      [
        "java.lang.IllegalStateException: no order 42",
        `\tat com.acme.shop.OrderService.load(OrderService.java:${line}) ~[classes/:na]`,
        "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885) ~[spring-webmvc-6.1.4.jar:6.1.4]",
        "\tat java.base/java.lang.Thread.run(Thread.java:1583) [na:na]",
        "Caused by: org.springframework.dao.EmptyResultDataAccessException: Incorrect result size",
        "\tat org.springframework.dao.support.DataAccessUtils.nullableSingleResult(DataAccessUtils.java:97) ~[spring-tx-6.1.4.jar:6.1.4]",
        "\tat com.acme.shop.OrderRepository.find(OrderRepository.java:19) ~[classes/:na]",
        "\t... 2 common frames omitted",
      ].join("\n");
    expect(read("java.lang.IllegalStateException", trace(42))).toMatchObject({
      platform: "java",
      culprit: "OrderService.java in load",
      chain: ["java.lang.IllegalStateException", "org.springframework.dao.EmptyResultDataAccessException"],
    });
    expect(prepare("java.lang.IllegalStateException", trace(44)).fingerprint).toBe(prepare("java.lang.IllegalStateException", trace(42)).fingerprint);
    // Spring's CGLIB proxies print "(<generated>)": still a frame.
    const proxied = read("java.lang.IllegalStateException", "java.lang.IllegalStateException: no\n\tat com.acme.OrderService.load(OrderService.java:42)\n\tat com.acme.OrderService$$SpringCGLIB$$0.load(<generated>)");
    expect(proxied.frames.map((f) => f.filename)).toEqual(["<generated>", "OrderService.java"]);
  });

  it("Node ESM and Deno: an awaited module body; React Native's Hermes 'address at'", () => {
    const esm = read("Error", "Error: config missing\n    at loadConfig (file:///srv/app/src/config.mjs:12:11)\n    at async file:///srv/app/src/index.mjs:6:1");
    expect(esm.frames[0]).toMatchObject({ filename: "file:///srv/app/src/index.mjs", lineno: 6 });
    const hermes = read("TypeError", "TypeError: undefined is not a function\n    at renderCart (address at index.android.bundle:1:98765)");
    expect(hermes.frames[0]).toMatchObject({ function: "renderCart", filename: "index.android.bundle", colno: 98765 });
  });

  it("Node's uncaught error with own properties: the last frame line opens their braces", () => {
    const trace = [
      "node:internal/fs/promises:637",
      "  return new FileHandle(await PromisePrototypeThen(",
      "                        ^",
      "",
      "Error: ENOENT: no such file or directory, open '/srv/app/config.json'",
      "    at async open (node:internal/fs/promises:637:25)",
      "    at async readFile (node:internal/fs/promises:1249:14)",
      "    at async file:///srv/app/src/boot.mjs:2:1 {",
      "  errno: -2,",
      "  code: 'ENOENT',",
      "  syscall: 'open'",
      "}",
      "",
      "Node.js v20.20.2",
    ].join("\n");
    const event = read("Error", trace);
    expect(event.frames[0]).toMatchObject({ filename: "file:///srv/app/src/boot.mjs", lineno: 2, inApp: true });
    expect(event.frames).toHaveLength(3);
  });

  it(".NET: the console's 'Unhandled exception.' and ASP.NET Core's log lines before the exception are not its type", () => {
    const unhandled = ["Unhandled exception. System.InvalidOperationException: Sequence contains no elements", "   at System.Linq.ThrowHelper.ThrowNoElementsException()", "   at Program.<Main>$(String[] args) in /app/Program.cs:line 3"].join("\n");
    expect(prepare("Error", unhandled, "")).toMatchObject({ type: "System.InvalidOperationException", message: "Sequence contains no elements", platform: "dotnet" });
    const logged = [
      "fail: Microsoft.AspNetCore.Diagnostics.DeveloperExceptionPageMiddleware[1]",
      "      An unhandled exception has occurred while executing the request.",
      "      System.NullReferenceException: Object reference not set to an instance of an object.",
      "         at Shop.Controllers.CartController.Get(Int32 id) in /src/Shop/Controllers/CartController.cs:line 31",
      "         at lambda_method5(Closure , Object , Object[] )",
    ].join("\n");
    expect(prepare("Exception", logged, "")).toMatchObject({ type: "System.NullReferenceException", message: "Object reference not set to an instance of an object." });
  });

  it("Vitest's failure report: '❯ [function] path:line:col' frames", () => {
    const trace = ["AssertionError: expected 2 to be 3 // Object.is equality", " ❯ Cart.total src/cart.ts:10:5", " ❯ src/cart.test.ts:14:22", "", "     12|   it('adds', () => {"].join("\n");
    const event = read("AssertionError", trace);
    expect(event.platform).toBe("javascript");
    expect(event.frames).toEqual([
      expect.objectContaining({ filename: "src/cart.test.ts", lineno: 14, colno: 22 }),
      expect.objectContaining({ function: "Cart.total", filename: "src/cart.ts", lineno: 10, colno: 5 }),
    ]);
  });

  it("PHP: an error thrown by the top-level script ('#0 {main}' alone) keeps its throw site", () => {
    const trace = (line: number) =>
      [
        "PHP Fatal error:  Uncaught Error: Call to a member function save() on null in /var/www/app/bin/import.php:" + line,
        "Stack trace:",
        "#0 {main}",
        `  thrown in /var/www/app/bin/import.php on line ${line}`,
      ].join("\n");
    const event = read("Error", trace(14));
    expect(event).toMatchObject({ platform: "php", frames: [{ filename: "/var/www/app/bin/import.php", lineno: 14 }] });
    expect(prepare("Error", trace(14)).fingerprint).not.toBe(prepare("Error", trace(14).replaceAll("import.php", "export.php")).fingerprint);
  });

  it("anyhow: the numbered causes before 'Stack backtrace:' are not frames", () => {
    const trace = [
      "Error: failed to load config",
      "",
      "Caused by:",
      "    0: reading /etc/ledger/config.toml",
      "    1: No such file or directory (os error 2)",
      "",
      "Stack backtrace:",
      "   0: anyhow::error::<impl anyhow::Error>::msg",
      "             at /home/dev/.cargo/registry/src/index.crates.io-6f17d22bba15001f/anyhow-1.0.86/src/error.rs:83:36",
      "   1: ledger::config::load",
      "             at ./src/config.rs:21:9",
      "   2: ledger::main",
      "             at ./src/main.rs:8:18",
    ].join("\n");
    expect(read("anyhow::Error", trace)).toMatchObject({ platform: "rust", culprit: "./src/config.rs in ledger::config::load" });
  });

  it("github.com/pkg/errors' %+v: functions without arguments", () => {
    const trace = "open /etc/shop/config.yaml: no such file or directory\ngithub.com/acme/shop/config.Load\n\t/home/dev/shop/config/config.go:33\nmain.main\n\t/home/dev/shop/cmd/shop/main.go:14\nruntime.main\n\t/usr/local/go/src/runtime/proc.go:271";
    expect(read("*fs.PathError", trace)).toMatchObject({ platform: "go", culprit: "shop/config/config.go in Load" });
  });

  it(".NET in the machine's language: German and French", () => {
    const german = "System.InvalidOperationException: Bestand fehlt\n   bei Acme.Lager.BestandService.Ermittle(Int32 artikel) in C:\\build\\src\\Acme.Lager\\BestandService.cs:Zeile 42\n   bei Acme.Lager.Api.Abfrage(Int32 id) in C:\\build\\src\\Acme.Lager\\Api.cs:Zeile 17";
    expect(read("System.InvalidOperationException", german)).toMatchObject({ platform: "dotnet", culprit: "src/Acme.Lager/BestandService.cs in Ermittle" });
    const french = "System.InvalidOperationException: Facture introuvable\n   à Acme.Factures.FactureService.Calculer(Int32 id) dans D:\\build\\Acme.Factures\\FactureService.cs:ligne 88";
    expect(read("System.InvalidOperationException", french)).toMatchObject({ culprit: "build/Acme.Factures/FactureService.cs in Calculer" });
  });

  it("a framework's wrapper exception: the culprit is in its cause, where the application code ran", () => {
    const trace = [
      'jakarta.servlet.ServletException: Request processing failed: java.lang.NullPointerException: Cannot invoke "com.acme.billing.Invoice.getTotal()"',
      "\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1022)",
      "\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:564)",
      "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
      'Caused by: java.lang.NullPointerException: Cannot invoke "com.acme.billing.Invoice.getTotal()" because "invoice" is null',
      "\tat com.acme.billing.InvoiceService.total(InvoiceService.java:57)",
      "\tat com.acme.billing.web.InvoiceController.get(InvoiceController.java:22)",
      "\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1011)",
      "\t... 2 more",
    ].join("\n");
    expect(read("jakarta.servlet.ServletException", trace).culprit).toBe("InvoiceService.java in total");
  });

  it("pytest's failure report, short and long", () => {
    const short = "_____ test_parse_config _____\ntests/test_config.py:18: in test_parse_config\n    cfg = load_config(\"tests/fixtures/bad.toml\")\napp/config.py:27: in load_config\n    return Config(**data[\"server\"])\nE   KeyError: 'server'";
    expect(read("KeyError", short)).toMatchObject({ platform: "python", culprit: "app/config.py in load_config" });
    const long = (line: number) =>
      [
        "____ test_apply_discount ____",
        "",
        "    def test_apply_discount():",
        "        cart = Cart(items=[])",
        '>       cart.apply_discount("SUMMER")',
        "",
        `tests/test_cart.py:${line}: `,
        "_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _",
        "",
        "    def apply_discount(self, code):",
        "        promo = self.promos[code]",
        ">       if promo.expires_at < now():",
        "E       AttributeError: 'NoneType' object has no attribute 'expires_at'",
        "",
        "shop/cart.py:42: AttributeError",
      ].join("\n");
    const event = read("AttributeError", long(12));
    expect(event).toMatchObject({ platform: "python", culprit: "shop/cart.py in apply_discount" });
    expect(event.frames.at(-1)).toMatchObject({ lineno: 42, contextLine: "if promo.expires_at < now():" });
    expect(prepare("AttributeError", long(14)).fingerprint).toBe(prepare("AttributeError", long(12)).fingerprint);
  });

  it("Rails' full backtrace names gems; RSpec prints frames as comments", () => {
    const rails = "app/models/order.rb:27:in `total'\napp/controllers/orders_controller.rb:9:in `show'\nactionpack (7.1.3) lib/action_controller/metal/basic_implicit_render.rb:6:in `send_action'\nrailties (7.1.3) lib/rails/engine.rb:536:in `call'";
    const event = read("NoMethodError", rails);
    expect(event).toMatchObject({ platform: "ruby", culprit: "app/models/order.rb in total" });
    expect(event.frames[0]).toMatchObject({ module: "railties", filename: "lib/rails/engine.rb", inApp: false });
    const rspec = "     NoMethodError:\n       undefined method `name' for nil\n     # ./app/controllers/invoices_controller.rb:6:in `show'\n     # ./spec/controllers/invoices_controller_spec.rb:9:in `block (3 levels) in <top (required)>'";
    expect(read("NoMethodError", rspec).culprit).toBe("app/controllers/invoices_controller.rb in show");
  });

  it("AddressSanitizer: the error's stack, not the free's; boost / std::stacktrace", () => {
    const asan = (fn: string, file: string) =>
      [
        "==12345==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010 at pc 0x55d4c8e1a2b3",
        "READ of size 4 at 0x602000000010 thread T0",
        `    #0 0x55d4c8e1a2b2 in ${fn} /home/dev/cache/src/${file}:41:12`,
        "    #1 0x55d4c8e1b3c4 in main /home/dev/cache/src/main.cpp:20:5",
        "    #2 0x55d4c8e19124 in _start (/home/dev/cache/build/cache+0x1124)",
        "",
        "freed by thread T0 here:",
        "    #0 0x7f1a2b6e1b2a in operator delete(void*) (/lib/x86_64-linux-gnu/libasan.so.8+0xdb2a) (BuildId: 9f1c2b3a)",
        "    #1 0x55d4c8e1a1f0 in Cache::evict(int) /home/dev/cache/src/cache.cpp:30:5",
      ].join("\n");
    const event = read("AddressSanitizer", asan("Cache::get(int)", "cache.cpp"));
    expect(event).toMatchObject({ platform: "native", culprit: "cache/src/cache.cpp in Cache::get(int)" });
    expect(event.frames.map((f) => f.function)).toEqual(["_start", "main", "Cache::get(int)"]);
    expect(prepare("AddressSanitizer", asan("Index::lookup(int)", "index.cpp")).fingerprint).not.toBe(prepare("AddressSanitizer", asan("Cache::get(int)", "cache.cpp")).fingerprint);
    const boost = " 0# Cache::get(int) at /home/dev/cache/src/cache.cpp:41\n 1# main at /home/dev/cache/src/main.cpp:20\n 2# __libc_start_call_main in /lib/x86_64-linux-gnu/libc.so.6";
    expect(read("std::out_of_range", boost)).toMatchObject({ platform: "native", culprit: "cache/src/cache.cpp in Cache::get(int)" });
  });

  it("Unity's log stack traces: 'Type.Method () (at Assets/…:27)' and engine frames", () => {
    const unity = "NullReferenceException: Object reference not set to an instance of an object\nPlayerController.Update () (at Assets/Scripts/PlayerController.cs:27)\nUnityEngine.Debug:Log (object)\nGameManager.Tick (System.Single dt) (at Assets/Scripts/GameManager.cs:61)";
    const event = read("NullReferenceException", unity);
    expect(event).toMatchObject({ platform: "dotnet", culprit: "Assets/Scripts/PlayerController.cs in Update" });
    expect(event.frames.map((f) => f.function)).toEqual(["Tick", "Log", "Update"]);
  });

  it("Mono's frames (Unity players, Xamarin): IL offsets, files or a module version id instead of one", () => {
    const mono = (mvid: string, offset: string) =>
      [
        "System.NullReferenceException: Object reference not set to an instance of an object",
        `  at Game.Player.Update () [${offset}] in <${mvid}>:0 `,
        `  at Game.Loop.Tick (System.Single dt) [0x00008] in <${mvid}>:0 `,
        "  at (wrapper managed-to-native) System.Reflection.RuntimeMethodInfo.InternalInvoke(System.Reflection.RuntimeMethodInfo,object,object[],System.Exception&)",
      ].join("\n");
    const event = prepare("Error", mono("4f3ae1ba5c3a4d0c9e3bb8d7f86fd0f8", "0x0001a"), "");
    expect(event).toMatchObject({ platform: "dotnet", type: "System.NullReferenceException", message: "Object reference not set to an instance of an object" });
    expect(event.frames).toEqual([
      { module: "Game.Loop", function: "Tick", inApp: true },
      { module: "Game.Player", function: "Update", inApp: true },
    ]);
    expect(prepare("Error", mono("9a8b7c6d5e4f40312a1b2c3d4e5f6a7b", "0x00020"), "").fingerprint).toBe(event.fingerprint);
    const withFile = "System.NullReferenceException: x\n  at Game.Player.Update () [0x0001a] in /Users/dev/Game/Assets/Scripts/Player.cs:42 \n  at Game.Enemy.Update () <0x1005f0000 + 0x00123> in <filename unknown>:0";
    expect(read("System.NullReferenceException", withFile).frames).toEqual([
      { module: "Game.Enemy", function: "Update", inApp: true },
      { module: "Game.Player", function: "Update", filename: "/Users/dev/Game/Assets/Scripts/Player.cs", absPath: "/Users/dev/Game/Assets/Scripts/Player.cs", lineno: 42, inApp: true },
    ]);
  });

  it("gin's Recovery middleware: 'file.go:47 (0xpc)' then the function and its source line", () => {
    const gin = [
      "2024/03/12 10:15:42 [Recovery] 2024/03/12 - 10:15:42 panic recovered:",
      "runtime error: invalid memory address or nil pointer dereference",
      "/usr/local/go/src/runtime/panic.go:261 (0x44f4f7)",
      "\tpanicmem: panic(memoryError)",
      "/home/dev/shop/handlers/orders.go:47 (0x8a1b2c)",
      "\t(*Orders).Show: c.JSON(200, o.Items)",
      "/home/dev/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go:174 (0x8a0f11)",
      "\t(*Context).Next: c.handlers[c.index](c)",
    ].join("\n");
    expect(read("runtime.Error", gin)).toMatchObject({ platform: "go", culprit: "shop/handlers/orders.go in (*Orders).Show" });
  });

  it("the Windows event log's .NET crash: parameter types only, read as .NET rather than as JVM files", () => {
    const eventLog = "Application: Acme.Agent.exe\nFramework Version: v4.0.30319\nDescription: The process was terminated due to an unhandled exception.\nException Info: System.IO.FileNotFoundException\n   at Acme.Agent.Config.Load(System.String)\n   at Acme.Agent.Service.OnStart(System.String[])\n   at System.ServiceProcess.ServiceBase.ServiceQueuedMainCallback(System.Object)";
    expect(read("System.IO.FileNotFoundException", eventLog)).toMatchObject({ platform: "dotnet", culprit: "Acme.Agent.Config in Load" });
  });
});
