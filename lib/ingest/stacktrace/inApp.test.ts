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
    ["Clojure runtime", { module: "clojure.lang.Numbers", function: "divide", filename: "Numbers.java" }],
    ["Clojure core", { module: "clojure.core$map$fn__5935", function: "invoke", filename: "core.clj" }],
    ["Deno std", { function: "serve", filename: "https://deno.land/std@0.200.0/http/server.ts" }],
    ["deno.land/x", { filename: "https://deno.land/x/oak@v12.6.1/router.ts" }],
    ["JSR", { function: "serve", filename: "https://jsr.io/@std/http/1.0.0/server.ts" }],
    ["esm.sh", { function: "fn", filename: "https://esm.sh/v135/hono@4.0.0/es2022/hono.mjs" }],
    ["jsDelivr", { function: "x", filename: "https://cdn.jsdelivr.net/npm/lodash@4.17.21/lodash.js" }],
    ["unpkg", { function: "y", filename: "https://unpkg.com/react@18/umd/react.development.js" }],
    ["Skypack", { function: "z", filename: "https://cdn.skypack.dev/preact" }],
    ["JSPM", { function: "w", filename: "https://ga.jspm.io/npm:vue@3.3.4/dist/vue.js" }],
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
    ["Clojure app namespace", { module: "shop.orders$average_total", function: "invokeStatic", filename: "orders.clj" }],
    ["Clojure-named app namespace", { module: "clojure_shop.core$handler", function: "invoke", filename: "core.clj" }],
    ["Deno app served over https", { function: "handler", filename: "https://deno.example.com/src/main.ts" }],
    ["app bundle on its own CDN", { filename: "https://cdn.example.com/assets/index-BVHUl9xT.js" }],
    ["a deno.land page that is not a module", { filename: "https://deno.land/manual/x.js" }],
  ])("%s -> in app", (_name, frame) => {
    expect(guessInApp(frame)).toBe(true);
  });

  it("uses the language hint for Go packages without a .go file", () => {
    expect(guessInApp({ module: "runtime", function: "goexit" }, "go")).toBe(false);
    expect(guessInApp({ module: "runtime", function: "goexit" })).toBe(true);
  });
});

describe("guessInApp for Lua, Perl, OCaml and Haskell", () => {
  it.each<[string, Frame, "lua" | "perl" | "ocaml" | "haskell", boolean]>([
    ["Lua C function", { function: "error", filename: "[C]" }, "lua", false],
    ["Lua system module", { function: "connect", filename: "/usr/share/lua/5.4/socket.lua", lineno: 29 }, "lua", false],
    ["Lua /usr/local module", { function: "encode", filename: "/usr/local/share/lua/5.1/cjson/util.lua", lineno: 3 }, "lua", false],
    ["LuaRocks tree", { function: "query", filename: "/home/deploy/.luarocks/share/lua/5.4/pgmoon/init.lua", lineno: 310 }, "lua", false],
    ["project rocks tree", { function: "dispatch", filename: "lua_modules/share/lua/5.4/lapis/application.lua", lineno: 1 }, "lua", false],
    ["OpenResty lualib", { function: "wrap", filename: "/usr/local/openresty/lualib/resty/core/base.lua", lineno: 44 }, "lua", false],
    ["resty/ module", { function: "verify", filename: "lib/resty/jwt.lua", lineno: 812 }, "lua", false],
    ["ngx API", { function: "ngx.exit" }, "lua", false],
    ["Lua app", { function: "process", filename: "app/handler.lua", lineno: 42 }, "lua", true],
    ["Lua string chunk", { function: "main chunk", filename: '[string "return cart.total()"]', lineno: 1 }, "lua", true],
    ["OpenResty inline code", { function: "main chunk", filename: "content_by_lua(nginx.conf:58)", lineno: 2 }, "lua", true],
    ["Perl core", { function: "croak", module: "Carp", filename: "/usr/share/perl/5.36/Carp.pm", lineno: 1 }, "perl", false],
    ["Perl Debian arch lib", { function: "execute", module: "DBI::st", filename: "/usr/lib/x86_64-linux-gnu/perl5/5.36/DBI.pm", lineno: 1 }, "perl", false],
    ["Carton", { function: "dispatch", module: "Mojolicious::Routes", filename: "local/lib/perl5/Mojolicious/Routes.pm", lineno: 1 }, "perl", false],
    ["site_perl", { function: "call", module: "Plack::Component", filename: "/opt/perl/lib/site_perl/5.38.0/Plack/Component.pm", lineno: 1 }, "perl", false],
    ["perlbrew", { function: "import", module: "Exporter", filename: "/home/u/perl5/perlbrew/perls/perl-5.38.0/lib/5.38.0/Exporter.pm", lineno: 1 }, "perl", false],
    ["Try::Tiny by package", { function: "try", module: "Try::Tiny", filename: "lib/Try/Tiny.pm", lineno: 1 }, "perl", false],
    ["Moose internals", { function: "new_object", module: "Class::MOP::Class", filename: "(eval 42)", lineno: 1 }, "perl", false],
    ["Moo internals", { function: "__ANON__", module: "Method::Generate::Constructor", filename: "(eval 12)", lineno: 1 }, "perl", false],
    ["Dancer2", { function: "dispatch", module: "Dancer2::Core::App", filename: "lib/Dancer2/Core/App.pm", lineno: 1 }, "perl", false],
    ["Catalyst", { function: "execute", module: "Catalyst", filename: "lib/Catalyst.pm", lineno: 1 }, "perl", false],
    ["DBIx::Class", { function: "throw_exception", module: "DBIx::Class::Schema", filename: "lib/DBIx/Class/Schema.pm", lineno: 1 }, "perl", false],
    ["Perl app", { function: "finish", module: "Shop::Checkout", filename: "lib/Shop/Checkout.pm", lineno: 88 }, "perl", true],
    ["Perl script top level", { filename: "script/app.pl", lineno: 15 }, "perl", true],
    ["Perl app package named like a framework's prefix", { function: "run", module: "Mojolicious_App::Jobs", filename: "lib/Mojolicious_App/Jobs.pm" }, "perl", true],
    ["OCaml stdlib", { function: "find", module: "Stdlib__Map.Make", filename: "map.ml", lineno: 137 }, "ocaml", false],
    ["OCaml stdlib before 4.12", { filename: "list.ml", lineno: 110 }, "ocaml", false],
    ["OCaml Base", { function: "map", module: "Base__List", filename: "src/list.ml", lineno: 400 }, "ocaml", false],
    ["OCaml Core", { function: "create_exn", module: "Core__Time_ns", filename: "core/src/time_ns.ml", lineno: 1 }, "ocaml", false],
    ["OCaml Lwt", { function: "bind", module: "Lwt", filename: "src/core/lwt.ml", lineno: 1 }, "ocaml", false],
    ["OCaml Async", { function: "run_cycle", module: "Async_kernel__Scheduler", filename: "src/scheduler.ml", lineno: 1 }, "ocaml", false],
    ["opam switch", { function: "use", module: "Pool", filename: "/home/u/.opam/5.1.0/lib/caqti/pool.ml", lineno: 1 }, "ocaml", false],
    ["local opam switch", { filename: "_opam/lib/yojson/read.ml", lineno: 1 }, "ocaml", false],
    ["OCaml app", { function: "lookup", module: "Dune__exe__Main", filename: "bin/main.ml", lineno: 12 }, "ocaml", true],
    ["OCaml app before 4.12", { filename: "bin/list.ml", lineno: 3 }, "ocaml", true],
    ["OCaml app module named like a library's prefix", { function: "f", module: "Corelib__X", filename: "src/x.ml" }, "ocaml", true],
    ["Haskell base", { function: "head", module: "base:GHC.List", filename: "libraries/base/GHC/List.hs", lineno: 85 }, "haskell", false],
    ["Haskell ghc-internal", { function: "throwIO", module: "ghc-internal:GHC.Internal.IO", filename: "libraries/ghc-internal/src/GHC/Internal/IO.hs", lineno: 1 }, "haskell", false],
    ["Haskell dependency", { function: "decode", module: "aeson-2.2.1.0-8Hk2Lz:Data.Aeson", filename: "src/Data/Aeson.hs", lineno: 1 }, "haskell", false],
    ["Haskell function without location", { function: "error" }, "haskell", false],
    ["Haskell executable", { module: "main:Main", filename: "app/Main.hs", lineno: 9 }, "haskell", true],
    ["Haskell local package", { function: "total", module: "shop-0.1.0-inplace:Orders", filename: "src/Orders.hs", lineno: 27 }, "haskell", true],
    ["Haskell stack project package (hashed, like a dependency)", { function: "total", module: "shop-0.1.0.0-7Ab3xYzQw1:Orders", filename: "src/Orders.hs", lineno: 27 }, "haskell", true],
    ["Haskell stack dependency by name", { function: "runSettings", module: "warp-3.3.31-KmJ7eXj5nRo8:Network.Wai.Handler.Warp.Run", filename: "Network/Wai/Handler/Warp/Run.hs", lineno: 1 }, "haskell", false],
    ["Haskell dependency in cabal's store", { function: "parse", module: "shop-parsers-0.3-Xy12:Parse", filename: "/home/u/.cabal/store/ghc-9.6.4/shop-parsers-0.3-Xy12/src/Parse.hs", lineno: 1 }, "haskell", false],
  ])("%s", (_name, frame, language, expected) => {
    expect(guessInApp(frame, language)).toBe(expected);
  });
});

describe("guessInApp for Julia, Zig, Crystal and Nim", () => {
  it.each<[string, Frame, "julia" | "zig" | "crystal" | "nim", boolean]>([
    ["Julia Base, relative", { function: "getindex", filename: "./essentials.jl", lineno: 13 }, "julia", false],
    ["Julia Base by module", { function: "include(mod::Module, _path::String)", module: "Base", filename: "./Base.jl", lineno: 495 }, "julia", false],
    ["Julia Core", { function: "kwcall", module: "Core", filename: "./boot.jl", lineno: 1 }, "julia", false],
    ["Julia stdlib by module", { function: "macro expansion", module: "Test", filename: "/home/u/.julia/juliaup/julia-1.10.2+0.x64.linux.gnu/share/julia/stdlib/v1.10/Test/src/Test.jl", lineno: 1577 }, "julia", false],
    ["Julia stdlib installed", { function: "macro expansion", filename: "/usr/share/julia/stdlib/v1.10/Test/src/Test.jl", lineno: 1577 }, "julia", false],
    ["Julia tarball", { function: "wait", module: "Base", filename: "/opt/julia-1.10.2/share/julia/base/task.jl", lineno: 1 }, "julia", false],
    ["Julia depot package", { function: "handle", module: "HTTP.Handlers", filename: "~/.julia/packages/HTTP/sJD5V/src/Handlers.jl", lineno: 58 }, "julia", false],
    ["Julia custom depot", { function: "handle", module: "HTTP.Handlers", filename: "/opt/julia/depot/packages/HTTP/sJD5V/src/Handlers.jl", lineno: 58 }, "julia", false],
    ["Julia runtime C source", { function: "jl_apply", filename: "/cache/build/builder-amdci4-0/julialang/julia-release-1-dot-10/src/julia.h", lineno: 1982 }, "julia", false],
    ["Julia script", { function: "handler(v::Vector{Int64})", module: "Main", filename: "/home/dev/app/main.jl", lineno: 5 }, "julia", true],
    ["Julia top-level scope", { function: "top-level scope", filename: "/home/dev/app/main.jl", lineno: 10 }, "julia", true],
    ["Julia dev'd package", { function: "route", module: "Shop", filename: "/home/dev/.julia/dev/Shop/src/router.jl", lineno: 22 }, "julia", true],
    ["Julia REPL input", { function: "f()", filename: "./REPL[2]", lineno: 1 }, "julia", true],
    ["Zig std", { function: "posixCallMainAndExit", filename: "/usr/lib/zig/std/start.zig", lineno: 514 }, "zig", false],
    ["Zig release tarball", { function: "assert", filename: "/opt/zig-linux-x86_64-0.13.0/lib/std/debug.zig", lineno: 412 }, "zig", false],
    ["Zig built from source", { function: "memcpy", filename: "/home/dev/zig/lib/compiler_rt/memcpy.zig", lineno: 19 }, "zig", false],
    ["Zig on Windows", { function: "panic", filename: "C:\\zig\\lib\\std\\debug.zig", lineno: 1 }, "zig", false],
    ["Zig package cache", { function: "parse", filename: "/home/dev/.cache/zig/p/1220c4f1e8a2b3d4/src/http.zig", lineno: 88 }, "zig", false],
    ["Zig app", { function: "handler", filename: "/home/dev/app/src/main.zig", lineno: 5 }, "zig", true],
    ["Zig app named like a release", { function: "run", filename: "/home/dev/zig-app/src/main.zig", lineno: 5 }, "zig", true],
    ["Crystal stdlib", { function: "[]", filename: "/usr/share/crystal/src/indexable.cr", lineno: 104 }, "crystal", false],
    ["Crystal Homebrew", { function: "[]", filename: "/opt/homebrew/Cellar/crystal/1.11.2/share/crystal/src/hash.cr", lineno: 1073 }, "crystal", false],
    ["Crystal shard", { function: "call", filename: "lib/kemal/src/kemal/route_handler.cr", lineno: 255 }, "crystal", false],
    ["Crystal shard, absolute", { function: "checkout", filename: "/srv/shop/lib/db/src/db/pool.cr", lineno: 98 }, "crystal", false],
    ["Crystal binary", { function: "__libc_start_main", filename: "/lib/x86_64-linux-gnu/libc.so.6" }, "crystal", false],
    ["Crystal app", { function: "handler", filename: "src/app.cr", lineno: 5 }, "crystal", true],
    ["Crystal app, absolute", { function: "handler", filename: "/home/dev/app/src/app.cr", lineno: 5 }, "crystal", true],
    ["Crystal template", { function: "render", filename: "src/views/order.ecr", lineno: 3 }, "crystal", true],
    ["Nim system", { function: "sysFatal", filename: "/usr/lib/nim/system/fatal.nim", lineno: 53 }, "nim", false],
    ["Nim choosenim", { function: "[]", filename: "/home/dev/.choosenim/toolchains/nim-2.0.2/lib/pure/collections/tables.nim", lineno: 233 }, "nim", false],
    ["Nim source checkout", { function: "raiseIndexError2", filename: "/home/dev/Nim/lib/system/chcks.nim", lineno: 49 }, "nim", false],
    ["Nim nimble package", { function: "handleRequest", filename: "/home/dev/.nimble/pkgs2/jester-0.6.0-4bb6d7ae/jester.nim", lineno: 495 }, "nim", false],
    ["Nim nimble package (1.x)", { function: "match", filename: "/home/dev/.nimble/pkgs/regex-0.20.0/regex.nim", lineno: 1 }, "nim", false],
    ["Nim local deps", { function: "exec", filename: "nimbledeps/pkgs2/db_connector-0.1.0-abc/db_postgres.nim", lineno: 1 }, "nim", false],
    ["Nim stdlib file without a directory", { function: "raiseIndexError2", filename: "chcks.nim", lineno: 49 }, "nim", false],
    ["Nim app", { function: "handler", filename: "/home/dev/app/main.nim", lineno: 5 }, "nim", true],
    ["Nim app file without a directory", { function: "handler", filename: "orders.nim", lineno: 5 }, "nim", true],
  ])("%s", (_name, frame, language, expected) => {
    expect(guessInApp(frame, language)).toBe(expected);
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
