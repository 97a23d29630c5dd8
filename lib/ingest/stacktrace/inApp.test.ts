import { describe, expect, it } from "vitest";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { applyInApp, guessInApp } from "@/lib/ingest/stacktrace/inApp";

describe("guessInApp", () => {
  it.each<[string, Frame]>([
    ["node_modules", { filename: "/srv/app/node_modules/express/lib/router/layer.js" }],
    ["relative node_modules", { filename: "node_modules/pg/lib/client.js" }],
    ["webpack node_modules", { filename: "webpack:///./node_modules/react-dom/cjs/react-dom.development.js" }],
    ["Windows node_modules", { filename: "C:\\app\\node_modules\\lodash\\lodash.js" }],
    ["node:internal", { filename: "node:internal/process/task_queues" }],
    ["legacy node internal", { filename: "internal/modules/cjs/loader.js" }],
    ["<anonymous> builtin", { function: "Array.map" }],
    ["<anonymous> as file", { filename: "<anonymous>", function: "f" }],
    ["[native code]", { filename: "[native code]" }],
    ["site-packages", { filename: "/opt/venv/lib/python3.12/site-packages/django/core/handlers/base.py" }],
    ["dist-packages", { filename: "/usr/local/lib/python3.10/dist-packages/flask/app.py" }],
    ["python stdlib", { filename: "/opt/python/lib/python3.12/json/decoder.py" }],
    ["<frozen>", { filename: "<frozen importlib._bootstrap>" }],
    ["/usr/lib", { filename: "/usr/lib/python3.11/threading.py" }],
    ["vendor", { filename: "/var/www/shop/vendor/laravel/framework/src/Illuminate/Routing/Controller.php" }],
    ["gems", { filename: "/usr/local/bundle/gems/actionpack-7.1.2/lib/action_controller/metal.rb" }],
    ["ruby stdlib", { filename: "/home/u/.rbenv/versions/3.2.2/lib/ruby/3.2.0/net/http.rb" }],
    ["ruby internal", { filename: "<internal:kernel>" }],
    ["java.*", { module: "java.util.ArrayList", function: "forEach", filename: "ArrayList.java" }],
    ["javax.*", { module: "javax.servlet.http.HttpServlet", function: "service" }],
    ["jdk.*", { module: "jdk.internal.reflect.NativeMethodAccessorImpl", function: "invoke0" }],
    ["sun.*", { module: "sun.reflect.GeneratedMethodAccessor1", function: "invoke" }],
    ["kotlin.*", { module: "kotlin.coroutines.jvm.internal.BaseContinuationImpl", function: "resumeWith" }],
    ["kotlinx.*", { module: "kotlinx.coroutines.DispatchedTask", function: "run" }],
    ["com.android.*", { module: "com.android.internal.os.ZygoteInit", function: "main", filename: "ZygoteInit.java" }],
    ["androidx.*", { module: "androidx.fragment.app.Fragment", function: "requireContext", filename: "Fragment.java" }],
    ["libcore.*", { module: "libcore.io.IoBridge", function: "connect", filename: "IoBridge.java" }],
    ["System.*", { module: "System.Linq.Enumerable", function: "First" }],
    ["Microsoft.*", { module: "Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor", function: "Execute" }],
    ["Go runtime", { module: "runtime", function: "gopanic", filename: "/usr/local/go/src/runtime/panic.go" }],
    ["Go net/http", { module: "net/http", function: "HandlerFunc.ServeHTTP", filename: "/opt/go/src/net/http/server.go" }],
    ["Go internal/poll", { module: "internal/poll", function: "(*FD).Read", filename: "C:/Go/src/internal/poll/fd_unix.go" }],
    ["Go module cache", { module: "github.com/lib/pq", function: "(*conn).query", filename: "/home/u/go/pkg/mod/github.com/lib/pq@v1.10.9/conn.go" }],
  ])("%s -> not in app", (_name, frame) => {
    expect(guessInApp(frame)).toBe(false);
  });

  it.each<[string, Frame]>([
    ["app JS", { filename: "/home/alice/app/src/users.js", function: "getUser" }],
    ["browser bundle", { filename: "https://app.example.com/static/js/main.3f2a9c1b.js" }],
    ["python app", { filename: "/srv/app/api/views.py" }],
    ["python app named lib", { filename: "/srv/app/lib/python_helpers/x.py" }],
    ["java app", { module: "com.acme.shop.PaymentService", function: "charge", filename: "PaymentService.java" }],
    ["class named like a platform prefix", { module: "systemd.Unit", function: "start" }],
    [".NET app without pdb", { module: "Acme.Shop.Orders.OrderService", function: "Ship" }],
    ["Go main", { module: "main", function: "main", filename: "/app/main.go" }],
    ["Go app module", { module: "github.com/acme/api/internal/store", function: "(*Store).Get", filename: "/src/api/store.go" }],
    ["Go-like module in another language", { module: "net", function: "connect", filename: "/app/net.py" }],
    ["ruby app", { filename: "app/models/user.rb" }],
    ["php app", { filename: "/var/www/shop/src/Billing/PaymentGateway.php" }],
    ["windows app", { filename: "C:\\build\\src\\Acme\\OrderService.cs" }],
  ])("%s -> in app", (_name, frame) => {
    expect(guessInApp(frame)).toBe(true);
  });

  it("uses the language hint for Go packages without a .go file", () => {
    expect(guessInApp({ module: "runtime", function: "goexit" }, "go")).toBe(false);
    expect(guessInApp({ module: "runtime", function: "goexit" })).toBe(true);
  });
});

describe("applyInApp", () => {
  it("keeps labels sent by the client and fills in the rest", () => {
    const frames = applyInApp([
      { filename: "/app/node_modules/x.js", inApp: true },
      { filename: "/app/src/a.js", inApp: false },
      { filename: "/app/node_modules/y.js" },
      { filename: "/app/src/b.js" },
    ]);
    expect(frames.map((f) => f.inApp)).toEqual([true, false, false, true]);
  });
});
