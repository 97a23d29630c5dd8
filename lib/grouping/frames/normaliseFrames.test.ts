import { describe, expect, it } from "vitest";
import { classifyFrame } from "@/lib/grouping/frames/classifyFrame";
import { normaliseFile } from "@/lib/grouping/frames/normaliseFile";
import { normaliseFunction } from "@/lib/grouping/frames/normaliseFunction";

describe("normaliseFile", () => {
  it.each<[string, string, string]>([
    ["https://shop.example.com/assets/index-BVHUl9xT.js", "javascript", "index"],
    ["https://cdn.x.net/v2/assets/index-C-q_oDg2.js?v=3#x", "javascript", "index"],
    ["https://x.test/static/js/main.3f2a9c1b.js", "javascript", "main"],
    ["/app/src/orders/orderService.ts", "javascript", "orderService"],
    ["/srv/api/dist/orders/orderService.js", "javascript", "orderService"],
    ["file:///app/dist/orders/orderService.mjs", "javascript", "orderService"],
    ["/app/.next/server/chunks/5742.js", "javascript", "<chunk>"],
    ["https://x.test/_next/static/chunks/pages/_app-0a1b2c3d4e5f6a7b.js", "javascript", "_app"],
    ["https://x.test/_next/static/chunks/pages/_app-9f8e7d6c5b4a3210.js", "javascript", "_app"],
    ["https://x.test/assets/order_summary-4a1b2c3d4e5f.js", "javascript", "order_summary"],
    ["https://x.test/assets/order-list-C-q_oDg2.js", "javascript", "order-list"],
    ["https://x.test/static/js/787.a1b2c3d4.chunk.js", "javascript", "<chunk>"],
    ["https://x.test/static/js/2.9f8e7d6c.chunk.js", "javascript", "<chunk>"],
    ["/app/.next/server/app/orders/[id]/page.js", "javascript", "[id]/page"],
    ["/app/.next/server/chunks/ssr/src_app_orders_page_tsx_5e6f7a8b._.js", "javascript", "src_app_orders_page_tsx"],
    ["/app/src/routes/users/index.ts", "javascript", "users/index"],
    ["/app/src/index.ts", "javascript", "index"],
    ["/srv/app/accounts/views.py", "python", "accounts.views"],
    ["app/models/user.rb", "ruby", "models/user"],
    ["/srv/shop/releases/2026/app/models/user.rb", "ruby", "models/user"],
    // Release, version and commit directories never stand for a folder: each deploy has another. A file
    // right under one (or Capistrano's "current") keeps no folder, as one right in a container's /app.
    ["/srv/deploy/releases/20260301T120000/manage_jobs.py", "python", "manage_jobs"],
    ["/srv/deploy/releases/20260415T093000/manage_jobs.py", "python", "manage_jobs"],
    ["/srv/deploy/current/manage_jobs.py", "python", "manage_jobs"],
    ["/opt/app/9f8e7d6c5b4a/worker.py", "python", "worker"],
    ["/var/app/releases/20260402083000/worker.rb", "ruby", "worker"],
    ["/home/deploy/shop/1.4.2/routes/index.js", "javascript", "routes/index"],
    ["/srv/app/builds/42/index.js", "javascript", "index"],
    ["/app/api/v2/views.py", "python", "v2.views"],
    ["/srv/shop/releases/20260301120000/api/views.py", "python", "api.views"],
    // Where the app is installed is not one of its folders: the top-level directory, and the directory a
    // home, /opt, /srv, /var/www… holds. What is inside the app still counts.
    ["/app/pricing.py", "python", "pricing"],
    ["/srv/pricing.py", "python", "pricing"],
    ["/home/deploy/pricing.py", "python", "pricing"],
    ["/opt/service/pricing.py", "python", "pricing"],
    ["/var/www/html/pricing.py", "python", "pricing"],
    ["/var/task/pricing.py", "python", "pricing"],
    ["/usr/src/app/pricing.py", "python", "pricing"],
    ["C:\\inetpub\\wwwroot\\pricing.py", "python", "pricing"],
    ["/app/billing/pricing.py", "python", "billing.pricing"],
    ["/opt/service/billing/pricing.py", "python", "billing.pricing"],
    ["/home/deploy/shop/pricing.py", "python", "shop.pricing"],
    ["billing/pricing.py", "python", "billing.pricing"],
    ["/app/checkout.rb", "ruby", "checkout"],
    ["/srv/checkout.rb", "ruby", "checkout"],
    ["/app/index.js", "javascript", "index"],
    ["/app/orders/index.js", "javascript", "orders/index"],
    // URLs are not where an app is installed: their first folder is the app's.
    ["https://x.test/checkout/index.js", "javascript", "checkout/index"],
    // Compiled templates named by a digest of their absolute path (Laravel's Blade views): one key whatever the release directory.
    ["/var/www/releases/42/storage/framework/views/8f3a2c1d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b.php", "php", "<hash>.php"],
    ["/var/www/releases/43/storage/framework/views/0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d.php", "php", "<hash>.php"],
    ["/var/www/app/src/Billing/Invoice.php", "php", "Invoice.php"],
  ])("%s (%s) → %s", (path, language, expected) => {
    expect(normaliseFile(path, language as never)).toBe(expected);
  });
});

describe("normaliseFunction", () => {
  it.each<[string | undefined, string | undefined, string, string, string]>([
    ["CartSummary.render", undefined, "javascript", "render", ""],
    ["async*load", undefined, "javascript", "load", ""],
    ["setup/<", undefined, "javascript", "", ""],
    ["Object.<anonymous>", undefined, "javascript", "", ""],
    ["Layer.handle [as handle_request]", undefined, "javascript", "handle", ""],
    ["lambda$chargeAll$1", "com.acme.PaymentService", "java", "lambda$chargeAll", "com.acme.PaymentService"],
    ["invokeSuspend", "com.acme.AccountService$loadAccount$1", "java", "loadAccount", "com.acme.AccountService"],
    ["loadAccount$suspendImpl", "com.acme.AccountService", "java", "loadAccount", "com.acme.AccountService"],
    ["checkout$lambda$3", "com.acme.cart.CartService", "java", "checkout$lambda", "com.acme.cart.CartService"],
    ["checkout$lambda-1", "com.acme.cart.CartService", "java", "checkout$lambda", "com.acme.cart.CartService"],
    ["onCreate$lambda$2$lambda$1", "com.acme.MainActivity", "java", "onCreate$lambda$lambda", "com.acme.MainActivity"],
    ["$anonfun$mean$1", "com.acme.stats.Stats$", "java", "$anonfun$mean", "com.acme.stats.Stats$"],
    ["$anonfun$mean$3$adapted", "com.acme.stats.Stats$", "java", "$anonfun$mean", "com.acme.stats.Stats$"],
    ["doCall", "com.acme.Build$_run_closure3", "java", "doCall", "com.acme.Build$_run_closure"],
    ["MoveNext", "Acme.Orders.OrderService.<ShipAsync>d__7", "dotnet", "ShipAsync", "Acme.Orders.OrderService"],
    ["<ApplyCoupon>b__0", "Acme.Cart.CartService+<>c__DisplayClass5_0", "dotnet", "ApplyCoupon", "Acme.Cart.CartService"],
    ["async Task<Order> OrderService.GetAsync(int id)", "Acme.OrderService", "dotnet", "GetAsync", "Acme.OrderService"],
    ["<Main>$", "Program", "dotnet", "<Main>$", "Program"],
    ["<<Main>$>b__0_1", "Program.<>c", "dotnet", "<Main>$", "Program"],
    ["<<Main>$>b__3", "Program.<>c__DisplayClass0_0", "dotnet", "<Main>$", "Program"],
    ["<<Main>$>g__Handle|0_2", "Program", "dotnet", "<Main>$", "Program"],
    ["(*Store).GetUser", "github.com/acme/api/store", "go", "(*Store).GetUser", "github.com/acme/api/store"],
    ["parseRow[...]", "github.com/acme/csv", "go", "parseRow", "github.com/acme/csv"],
    ["(*Pool).dispatch.func2", "github.com/acme/jobs", "go", "(*Pool).dispatch.func", "github.com/acme/jobs"],
    ["User#full_name", undefined, "ruby", "full_name", ""],
    ["block (2 levels) in UsersController#show", undefined, "ruby", "block in show", ""],
    ["rescue in call", undefined, "ruby", "call", ""],
    ["_app_views_users_show_html_erb___2412341234_61720", undefined, "ruby", "_app_views_users_show_html_erb", ""],
    ["_app_views_users_show_html_erb__1088776655_71380", undefined, "ruby", "_app_views_users_show_html_erb", ""],
    ["block in _app_views_orders_index_html_haml__31068412_48220", undefined, "ruby", "block in _app_views_orders_index_html_haml", ""],
    ["ActionView::Base#_app_views_layouts_application_html_erb___99_12", undefined, "ruby", "_app_views_layouts_application_html_erb", ""],
    ["parse_v2_1", undefined, "ruby", "parse_v2_1", ""],
    ["Profile.load", "accounts.profiles", "python", "load", "accounts.profiles"],
    ["{closure:App\\X::y():12}", "App\\X", "php", "closure", "App\\X"],
    ["app::users::load::h5a5b8284f2d0c266", undefined, "rust", "load", "app::users"],
    ["load", "app::users", "rust", "load", "app::users"],
    ["core::option::Option<T>::unwrap", undefined, "rust", "unwrap", "core::option::Option"],
    ["app[3b1d2c]::users::load::{closure#0}", undefined, "rust", "{{closure}}", "app::users::load"],
    ["<app::Handler as tower_service::Service<http::Request>>::call", undefined, "rust", "call", "<app::Handler as tower_service::Service>"],
    ["MyApp.Worker.run/1", "MyApp.Worker", "elixir", "run/1", "MyApp.Worker"],
    ["anonymous fn/2 in MyApp.Worker.run/1", undefined, "elixir", "anonymous fn/2 in run/1", "MyApp.Worker"],
    ["run/1", "Elixir.MyApp.Worker", "elixir", "run/1", "MyApp.Worker"],
    ["'-get/1-fun-0-'/2", "shop_cache", "elixir", "'-get/1-fun-'/2", "shop_cache"],
    ["'-get/1-fun-3-'/2", "shop_cache", "elixir", "'-get/1-fun-'/2", "shop_cache"],
    ["'-load/1-lc$^0/1-0-'/1", "shop_cache", "elixir", "'-load/1-lc$^/1-'/1", "shop_cache"],
    ["_HomePageState.build.<anonymous closure>", undefined, "dart", "_HomePageState.build.<closure>", ""],
    ["Parser::parse(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> > const&) const", undefined, "native", "Parser::parse", ""],
    ["void util::join<int>(std::vector<int, std::allocator<int> > const&)", undefined, "native", "util::join<int>", ""],
    ["ViewController.viewDidLoad() + 180", "MyApp", "native", "ViewController.viewDidLoad", "MyApp"],
    ["(anonymous namespace)::Parser::parse(int)", undefined, "native", "(anonymous)::Parser::parse", ""],
    ["partial apply for closure #1 in ViewController.fetch(id:)", "MyApp", "native", "closure in ViewController.fetch", "MyApp"],
    ["closure #3 in closure #1 in ViewController.fetch(id:)", "MyApp", "native", "closure in closure in ViewController.fetch", "MyApp"],
    // Swift's full demangling: result types, effects, a property's type, a closure's own type.
    ["Shop.OrderService.total(for: Swift.Int) -> Swift.Double", "Shop", "native", "Shop.OrderService.total", "Shop"],
    ["Shop.CheckoutViewModel.refresh() async throws -> ()", "Shop", "native", "Shop.CheckoutViewModel.refresh", "Shop"],
    ["Shop.Store.load<A where A: Swift.Decodable>(A.Type) throws(Shop.StoreError) -> A", "Shop", "native", "Shop.Store.load<A where A: Swift.Decodable>", "Shop"],
    ["Shop.Cart.total.getter : Swift.Double", "Shop", "native", "Shop.Cart.total.getter", "Shop"],
    ["closure #1 (Swift.Int) -> Swift.Bool in Shop.Filter.apply(Swift.String) -> Swift.Bool", "Shop", "native", "closure in Shop.Filter.apply", "Shop"],
    ["closure #2 () async -> () in closure #1 (Swift.Int) -> () in Shop.Sync.run() -> ()", "Shop", "native", "closure in closure in Shop.Sync.run", "Shop"],
    // Kotlin/Native: the qualified name, not its signature; a lambda's number.
    ["kfun:com.acme.orders.OrderService#load(kotlin.Int){}com.acme.orders.Order", "orders.kexe", "native", "com.acme.orders.OrderService#load", "orders.kexe"],
    ["kfun:com.acme.orders.OrderService.load(kotlin.Int)com.acme.orders.Order", "orders.kexe", "native", "com.acme.orders.OrderService.load", "orders.kexe"],
    ["kfun:com.acme.orders.OrderService.$load$lambda$3#internal", "orders.kexe", "native", "com.acme.orders.OrderService.$load$lambda#internal", "orders.kexe"],
    ["Worker::start()::{lambda(int)#2}::operator()(int) const", undefined, "native", "Worker::start()::{lambda(int)}::operator()", ""],
    ["Parser::<lambda_9f3c2b1a7e6d5c4b3a29180716253443>::operator()", undefined, "native", "Parser::<lambda>::operator", ""],
    ["Worker::run() [clone .isra.0] [clone .cold]", undefined, "native", "Worker::run", ""],
    ["`anonymous namespace'::Cache::get", "engine.exe", "native", "(anonymous)::Cache::get", "engine.exe"],
    ["-[ViewController viewDidLoad]", "MyApp", "native", "-[ViewController viewDidLoad]", "MyApp"],
    ["main", "/private/var/containers/Bundle/Application/5B2E91C4-7F0A-4D3B-9C1E-2A8F6D0B3E77/MyApp.app/MyApp", "native", "main", "MyApp"],
    ["main", "C:\\Program Files\\Acme\\engine.exe", "native", "main", "engine.exe"],
  ])("%s in %s (%s) → %s / %s", (fn, mod, language, name, module) => {
    expect(normaliseFunction(fn, mod, language as never)).toMatchObject({ name, module });
  });

  it("marks minified JavaScript names", () => {
    expect(normaliseFunction("Xe", undefined, "javascript")).toEqual({ name: "", module: "", minified: true });
    expect(normaliseFunction("n.render", undefined, "javascript")).toMatchObject({ name: "render", minified: false });
  });
});

describe("classifyFrame", () => {
  it.each<[Record<string, unknown>, string, string]>([
    [{ function: "Array.map" }, "javascript", "skip"],
    [{ function: "processTicksAndRejections", filename: "node:internal/process/task_queues" }, "javascript", "skip"],
    [{ function: "__awaiter", filename: "/app/dist/x.js" }, "javascript", "skip"],
    [{ function: "handle", filename: "/app/node_modules/express/lib/router/layer.js" }, "javascript", "library"],
    [{ function: "checkout", module: "com.acme.OrderService$$SpringCGLIB$$0" }, "java", "skip"],
    [{ function: "save", module: "jdk.proxy2.$Proxy161" }, "java", "skip"],
    [{ function: "invoke", module: "sun.reflect.GeneratedMethodAccessor214" }, "java", "skip"],
    [{ function: "doDispatch", module: "org.springframework.web.servlet.DispatcherServlet" }, "java", "library"],
    [{ function: "checkout", module: "com.acme.OrderService" }, "java", "app"],
    [{ function: "<listcomp>", filename: "/app/a.py" }, "python", "skip"],
    [{ function: "routeHTTP", module: "github.com/go-chi/chi/v5", filename: "github.com/go-chi/chi/v5@v5.1.0/mux.go" }, "go", "library"],
    [{ function: "ServeHTTP", module: "net/http" }, "go", "library"],
    [{ function: "GetUser", module: "github.com/acme/api/store", filename: "github.com/acme/api/store/store.go" }, "go", "app"],
    [{ function: "Invoke", module: "Microsoft.AspNetCore.Routing.EndpointMiddleware" }, "dotnet", "library"],
    [{ function: "lambda_method87" }, "dotnet", "skip"],
    [{ function: "find", filename: "/usr/local/bundle/ruby/3.4.0/gems/activerecord-8.0.1/lib/active_record/core.rb" }, "ruby", "library"],
    [{ function: "core::panicking::panic_fmt" }, "rust", "skip"],
    [{ function: "begin_panic", module: "std::panicking" }, "rust", "skip"],
    [{ function: "tokio::runtime::task::core::Core<T,S>::poll" }, "rust", "library"],
    [{ function: "<alloc::boxed::Box<F,A> as core::ops::function::FnOnce<Args>>::call_once" }, "rust", "library"],
    [{ function: "app::store::load", filename: "/home/runner/.cargo/registry/src/index.crates.io-6f17d22bba15001f/app-0.1.0/src/store.rs" }, "rust", "library"],
    [{ function: "anyhow::context::ext::load", filename: "/usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/anyhow-1.0.98/src/context.rs" }, "rust", "library"],
    [{ function: "Map.fetch!/2", module: "Elixir.Map", filename: "lib/map.ex" }, "elixir", "library"],
    [{ function: ":proc_lib.init_p_do_apply/3", module: "proc_lib", filename: "proc_lib.erl" }, "elixir", "library"],
    [{ function: "MyApp.Billing.total/1", module: "Elixir.MyApp.Billing", filename: "lib/my_app/billing.ex" }, "elixir", "app"],
    [{ function: "DioMixin.fetch", absPath: "package:dio/src/dio_mixin.dart", inApp: true }, "dart", "library"],
    [{ function: "OrderApi.fetchOrder", absPath: "package:shop/api/order_api.dart", inApp: true }, "dart", "app"],
    [{ function: "run", module: "com.android.internal.os.RuntimeInit$MethodAndArgsCaller" }, "java", "library"],
    [{ function: "<app::Handler as tower_service::Service<R>>::call" }, "rust", "app"],
    [{ function: "app::store::load", filename: "src/store.rs" }, "rust", "app"],
    [{ function: "Responder.respond(to:)", module: "App", filename: "/app/.build/checkouts/vapor/Sources/Vapor/Responder/Responder.swift" }, "native", "library"],
    [{ function: "AF.request(_:)", module: "Shop", filename: "/Users/ci/shop/Pods/Alamofire/Source/Session.swift" }, "native", "library"],
    [{ function: "fmt::v10::format", filename: "/build/_deps/fmt-src/include/fmt/core.h" }, "native", "library"],
    [{ function: "OrdersController.latest(req:)", module: "App", filename: "/app/Sources/App/Controllers/OrdersController.swift" }, "native", "app"],
    [{ function: "PodScheduler::place", filename: "/src/scheduler/pods/placement.cpp" }, "native", "app"],
    [{ function: "Renderer::draw(Frame*)", module: "/data/app/~~Xk2lP0aB3c==/com.acme.app-Ab12Cd34Ef==/lib/arm64/libnative.so" }, "native", "app"],
    [{ function: "__pthread_start(void*)", module: "/apex/com.android.runtime/lib64/bionic/libc.so" }, "native", "library"],
    [{ function: "android::Looper::pollOnce(int, int*, int*, void**)", module: "/system/lib64/libutils.so" }, "native", "library"],
    [{ function: "__GI_raise", filename: "../sysdeps/posix/raise.c" }, "native", "skip"],
    [{ function: "__cxa_throw" }, "native", "skip"],
    [{ function: "kfun:kotlin.IllegalStateException#<init>(kotlin.String?){}", module: "orders.kexe" }, "native", "library"],
    [{ function: "Konan_start", module: "orders.kexe" }, "native", "library"],
    [{ function: "kfun:com.acme.orders.OrderService#load(kotlin.Int){}com.acme.orders.Order", module: "orders.kexe" }, "native", "app"],
    [{ function: "std::vector<int>::at", filename: "/usr/include/c++/13/bits/stl_vector.h" }, "native", "library"],
    [{ function: "-[UIViewController loadViewIfRequired]", module: "UIKitCore" }, "native", "library"],
    [{ function: "ViewController.viewDidLoad()", module: "MyApp" }, "native", "app"],
    [{ function: "-[UIViewController loadViewIfRequired]", module: "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore" }, "native", "library"],
    [{ function: "RtlUserThreadStart", module: "C:\\Windows\\System32\\ntdll.dll" }, "native", "library"],
    [{ function: "start", module: "/usr/lib/system/libdyld.dylib" }, "native", "library"],
    [{ function: "ViewController.viewDidLoad()", module: "/private/var/containers/Bundle/Application/5B2E91C4/MyApp.app/MyApp" }, "native", "app"],
    [{ function: "Parser::parse", filename: "src/parser.cpp" }, "native", "app"],
  ])("%j (%s) → %s", (frame, language, expected) => {
    expect(classifyFrame(frame, language as never)).toBe(expected);
  });

  it("lets a project's rule decide before the built-in lists, and the client's in_app=false stand", () => {
    const frame = { function: "doDispatch", module: "org.springframework.web.servlet.DispatcherServlet" };
    expect(classifyFrame(frame, "java", () => "app")).toBe("app");
    expect(classifyFrame({ function: "f", filename: "/app/a.js", inApp: false }, "javascript")).toBe("library");
  });
});
