import { describe, expect, it } from "vitest";
import { runtimeHeader } from "@/lib/grouping/chain/runtimeHeader";
import { BASE, SAMPLES } from "@/lib/ingest/__fixtures__/sampleTraces";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import type { Language } from "@/lib/ingest/stacktrace/frame";

const goRepanic = [
  "panic: db closed [recovered]",
  "\tpanic: handler crashed: db closed",
  "",
  "goroutine 1 [running]:",
  "main.main.func1()",
  "\t/srv/app/main.go:40 +0x74",
  "panic({0x48d020, 0xc00008c210})",
  "\t/usr/lib/go-1.19/src/runtime/panic.go:884 +0x212",
  "main.main()",
  "\t/srv/app/main.go:43 +0x20c",
].join("\n");

const rustPanic = (thread: string) =>
  [
    "",
    `thread 'main'${thread} panicked at src/main.rs:7:14:`,
    'failed to load config: Custom { kind: NotFound, error: "config.toml missing" }',
    "stack backtrace:",
    "   0: rust_begin_unwind",
    "   4: shop::main",
    "             at ./src/main.rs:7:14",
  ].join("\n");

/** An AddressSanitizer report: the same bug, in another process, at another address, freed from another line. */
const asan = (pid: number, address: string, freedAt: number) =>
  [
    "=================================================================",
    `==${pid}==ERROR: AddressSanitizer: heap-use-after-free on address ${address} at pc 0x55d4c8f1e bp 0x7ffd3a2 sp 0x7ffd398`,
    `READ of size 4 at ${address} thread T0`,
    "    #0 0x55d4c8f1e in Session::user() const /src/server/session.cpp:42:10",
    "    #1 0x55d4c8a01 in handle_request(Request&) /src/server/handler.cpp:88:17",
    "    #2 0x55d4c7e22 in main /src/server/main.cpp:31:5",
    "    #3 0x7f2a1c3 in __libc_start_main (/lib/x86_64-linux-gnu/libc.so.6+0x21b96)",
    "",
    `${address} is located 8 bytes inside of 64-byte region [0x602000000010,0x602000000050)`,
    "freed by thread T1 here:",
    "    #0 0x7f2a494a3d in operator delete(void*) (/lib/x86_64-linux-gnu/libasan.so.6+0xb4a3d)",
    `    #1 0x55d4c8ee6 in SessionStore::evict() /src/server/store.cpp:${freedAt}:3`,
    "",
    "SUMMARY: AddressSanitizer: heap-use-after-free /src/server/session.cpp:42:10 in Session::user() const",
    `==${pid}==ABORTING`,
  ].join("\n");

describe("runtimeHeader", () => {
  it("Go: the panic that ended the program, a recovered one's re-panic included; fatal errors", () => {
    expect(runtimeHeader(goRepanic, "go")).toEqual({ type: "panic", message: "handler crashed: db closed" });
    expect(runtimeHeader("fatal error: concurrent map writes\n\ngoroutine 21 [running]:\nmain.worker()", "go")).toEqual({ type: "fatal error", message: "concurrent map writes" });
    expect(runtimeHeader("panic: db closed [recovered, repanicked]\n\ngoroutine 1 [running]:\nmain.main()", "go")).toEqual({ type: "panic", message: "db closed" });
    expect(runtimeHeader("panic: validation failed:\n\temail is required\n\ngoroutine 1 [running]:\nmain.main()", "go")).toEqual({ type: "panic", message: "validation failed:\nemail is required" });
  });

  it("Rust: the message under 'panicked at' (with or without the thread id newer Rust prints), or quoted before 1.73", () => {
    const expected = { type: "panic", message: 'failed to load config: Custom { kind: NotFound, error: "config.toml missing" }' };
    expect(runtimeHeader(rustPanic(""), "rust")).toEqual(expected);
    expect(runtimeHeader(rustPanic(" (13911)"), "rust")).toEqual(expected);
    expect(runtimeHeader("thread 'main' panicked at 'index out of bounds: the len is 2 but the index is 7', src/main.rs:2:38\nnote: run with `RUST_BACKTRACE=1`", "rust")).toEqual({
      type: "panic",
      message: "index out of bounds: the len is 2 but the index is 7",
    });
  });

  it("C++: an uncaught exception's type and what() from libstdc++'s terminate message", () => {
    const text = "terminate called after throwing an instance of 'std::runtime_error'\n  what():  empty input\nAborted (core dumped)";
    expect(runtimeHeader(text, "unknown")).toEqual({ type: "std::runtime_error", message: "empty input" });
    expect(runtimeHeader("terminate called after throwing an instance of 'int'", "native")).toEqual({ type: "int", message: "" });
  });

  it("Swift: a runtime trap's message, in the 5.9+ and the older layout", () => {
    const expected = { type: "Fatal error", message: "Unexpectedly found nil while unwrapping an Optional value" };
    expect(runtimeHeader("App/main.swift:3: Fatal error: Unexpectedly found nil while unwrapping an Optional value\n\n💣 Program crashed", "native")).toEqual(expected);
    expect(runtimeHeader("Fatal error: Unexpectedly found nil while unwrapping an Optional value: file App/ViewController.swift, line 42\nCurrent stack trace:", "unknown")).toEqual(expected);
  });

  it("Elixir and Erlang: the banner's exception (a multi-line message up to the stacktrace); a process exit without its pid", () => {
    const keyError = ["** (KeyError) key :total not found in: %{id: 17, lines: []}", "    (my_app 0.4.2) lib/my_app/billing/invoice.ex:42: MyApp.Billing.Invoice.total/1"].join("\n");
    expect(runtimeHeader(keyError, "elixir")).toEqual({ type: "KeyError", message: "key :total not found in: %{id: 17, lines: []}" });
    const argumentError = [
      "10:15:42.118 [error] GenServer MyApp.Importer terminating",
      "** (ArgumentError) errors were found at the given arguments:",
      "",
      "  * 1st argument: not a textual representation of an integer",
      "",
      '    :erlang.binary_to_integer("x1")',
      "    (my_app 0.4.2) lib/my_app/import.ex:12: anonymous fn/1 in MyApp.Import.rows/1",
      "Last message: :tick",
    ].join("\n");
    expect(runtimeHeader(argumentError, "elixir")).toEqual({ type: "ArgumentError", message: "errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of an integer" });
    expect(runtimeHeader("** (EXIT from #PID<0.95.0>) shell process exited with reason: :killed", "elixir")).toEqual({ type: "EXIT", message: "shell process exited with reason: :killed" });
    const erlang = ["** exception error: bad argument", "     in function  ets:lookup/2", "        called as ets:lookup(shop_cache,<<\"k1\">>)", "     in call from shop_cache:get/1 (src/shop_cache.erl, line 14)"].join("\n");
    expect(runtimeHeader(erlang, "elixir")).toEqual({ type: "error", message: "bad argument" });
  });

  it("Ruby: the 'Class: message' line a logger prints above a backtrace (Sidekiq), not a frame's text", () => {
    const sidekiq = ["NoMethodError: undefined method `email' for nil", "/app/app/jobs/mailer_job.rb:8:in `perform'", "/usr/local/bundle/gems/sidekiq-7.2.1/lib/sidekiq/processor.rb:202:in `execute_job'"].join("\n");
    expect(runtimeHeader(sidekiq, "ruby")).toEqual({ type: "NoMethodError", message: "undefined method `email' for nil" });
    expect(runtimeHeader("Stripe::CardError: Your card was declined.\n/app/app/services/charge.rb:12:in 'Charge#call'", "ruby")).toEqual({ type: "Stripe::CardError", message: "Your card was declined." });
    expect(runtimeHeader("/app/app/jobs/mailer_job.rb:8:in `perform'\nNote: retrying", "ruby")).toBeUndefined();
  });

  it("Python: a fatal error's line above faulthandler's dump", () => {
    expect(runtimeHeader('Fatal Python error: Segmentation fault\n\nCurrent thread 0x00007f5a8c9b4740 (most recent call first):\n  File "/app/a.py", line 3 in f', "python")).toEqual({
      type: "Fatal Python error",
      message: "Segmentation fault",
    });
  });

  it("Android tombstones: the signal, with the abort message, debuggerd's cause or the signal code (never the fault address)", () => {
    const segv = "pid: 4321, tid: 4321, name: com.acme.app  >>> com.acme.app <<<\nsignal 11 (SIGSEGV), code 1 (SEGV_MAPERR), fault addr 0x0000000000000018\nCause: null pointer dereference\nbacktrace:";
    expect(runtimeHeader(segv, "native")).toEqual({ type: "SIGSEGV", message: "null pointer dereference" });
    expect(runtimeHeader("signal 6 (SIGABRT), code -1 (SI_QUEUE), fault addr --------\nAbort message: 'decoder: invalid frame header'", "native")).toEqual({ type: "SIGABRT", message: "decoder: invalid frame header" });
    expect(runtimeHeader("signal 7 (SIGBUS), code 2 (BUS_ADRERR), fault addr 0x7f00000000", "native")).toEqual({ type: "SIGBUS", message: "BUS_ADRERR" });
  });

  it("gdb: the signal a core was terminated with or a live process received", () => {
    const core = "Core was generated by `./kvd'.\nProgram terminated with signal SIGSEGV, Segmentation fault.\n#0  0x000055d0c2a3f912 in storage::Segment::append (this=0x0) at src/storage/segment.cpp:48";
    expect(runtimeHeader(core, "native")).toEqual({ type: "SIGSEGV", message: "Segmentation fault" });
    expect(runtimeHeader('Thread 2 "worker" received signal SIGABRT, Aborted.\n[Switching to Thread 0x7ffff6ffe640 (LWP 4243)]', "unknown")).toEqual({ type: "SIGABRT", message: "Aborted" });
  });

  it("Kotlin/Native: the uncaught exception's line", () => {
    const text = "Uncaught Kotlin exception: kotlin.IllegalStateException: order 8812 has no lines\n    at 0   orders.kexe   0x000000010c8a1f2d kfun:kotlin.Throwable#<init>(kotlin.String?){} + 93";
    expect(runtimeHeader(text, "native")).toEqual({ type: "kotlin.IllegalStateException", message: "order 8812 has no lines" });
  });

  it("PHP: the error line Xdebug prints its stack under", () => {
    const text = "PHP Warning:  Undefined variable $discount in /var/www/src/Cart/CartTotals.php on line 47\nPHP Stack trace:\nPHP   1. {main}() /var/www/public/index.php:0";
    expect(runtimeHeader(text, "php")).toEqual({ type: "Warning", message: "Undefined variable $discount" });
    expect(runtimeHeader("Fatal error: Uncaught RuntimeException: declined in /app/src/Gateway.php on line 60\n\nCall Stack:", "php")).toEqual({ type: "RuntimeException", message: "declined" });
  });

  it("sanitizers: the kind of bug, and the access it caught (never the addresses of the header)", () => {
    expect(runtimeHeader(asan(4242, "0x602000000018", 77), "native")).toEqual({ type: "heap-use-after-free", message: "READ of size 4 at 0x602000000018 thread T0" });
    const segv = "==7==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000 (pc 0x55d0c1a0b3f1 bp 0x7ffd sp 0x7ffd T0)\n==7==The signal is caused by a WRITE memory access.\n==7==Hint: address points to the zero page.\n    #0 0x55d0c1a0b3f1 in Ring::push(int) /src/ring.cpp:9:14";
    expect(runtimeHeader(segv, "native")).toEqual({ type: "SEGV", message: "The signal is caused by a WRITE memory access." });
    expect(runtimeHeader("==31==ERROR: LeakSanitizer: detected memory leaks\n\nDirect leak of 64 byte(s) in 1 object(s) allocated from:\n    #0 0x4af01b in operator new(unsigned long)", "native")).toEqual({ type: "detected memory leaks", message: "" });
    expect(runtimeHeader("==12==WARNING: MemorySanitizer: use-of-uninitialized-value\n    #0 0x4a2b3c in Parser::peek() /src/parser.cpp:20:7", "native")).toEqual({ type: "use-of-uninitialized-value", message: "" });
    expect(runtimeHeader("==9==ERROR: AddressSanitizer: allocation-size-too-big: requested allocation size 0xffffffffffffffff exceeds maximum supported size of 0x10000000000", "native")).toEqual({
      type: "allocation-size-too-big",
      message: "requested allocation size 0xffffffffffffffff exceeds maximum supported size of 0x10000000000",
    });
    expect(runtimeHeader("src/codec.cpp:88:21: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'\n    #0 0x4c1 in decode /src/codec.cpp:88:21", "native")).toEqual({
      type: "runtime error",
      message: "signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'",
    });
    // The header cut off (a log's first lines lost): the summary still names the bug.
    expect(runtimeHeader("    #0 0x55d4c8f1e in Session::user() const /src/server/session.cpp:42:10\nSUMMARY: AddressSanitizer: stack-buffer-overflow /src/server/session.cpp:42:10 in Session::user() const", "native")).toEqual({
      type: "stack-buffer-overflow",
      message: "",
    });
  });

  it("a JVM's uncaught exception printed without a stack (OutOfMemoryError)", () => {
    expect(runtimeHeader('Exception in thread "pool-1-thread-3" java.lang.OutOfMemoryError: Java heap space', "unknown")).toEqual({ type: "java.lang.OutOfMemoryError", message: "Java heap space" });
    expect(runtimeHeader('Exception in thread "main" java.lang.StackOverflowError', "unknown")).toEqual({ type: "java.lang.StackOverflowError", message: "" });
    expect(runtimeHeader('Exception in thread "main" oops: not a type', "unknown")).toBeUndefined();
  });

  it("Rails' production.log line and Xcode's console prefix", () => {
    const rails = "ActionView::Template::Error (undefined method `name' for nil):\n    12:   <h1><%= @user.name %></h1>\n  app/views/users/show.html.erb:12\n  app/controllers/users_controller.rb:8:in 'show'";
    expect(runtimeHeader(rails, "ruby")).toEqual({ type: "ActionView::Template::Error", message: "undefined method `name' for nil" });
    expect(runtimeHeader("Thread 1: Fatal error: Unexpectedly found nil while unwrapping an Optional value", "unknown")).toEqual({
      type: "Fatal error",
      message: "Unexpectedly found nil while unwrapping an Optional value",
    });
  });

  it("an OTP crash report's exception line", () => {
    const report = [
      "=CRASH REPORT==== 5-Dec-2026::10:00:00.000000 ===",
      "  crasher:",
      "    initial call: my_server:init/1",
      "    exception error: no match of right hand side value {error,timeout}",
      "      in function  my_server:handle_call/3 (src/my_server.erl, line 42)",
    ].join("\n");
    expect(runtimeHeader(report, "elixir")).toEqual({ type: "error", message: "no match of right hand side value {error,timeout}" });
  });

  it("Lua: LuaError, the message after the interpreter's name and the location (standalone, LuaJIT, debug.traceback, OpenResty)", () => {
    const traceback = "stack traceback:\n\t[C]: in function 'error'\n\tapp/handler.lua:42: in function 'process'\n\tapp/main.lua:3: in main chunk\n\t[C]: in ?";
    const expected = { type: "LuaError", message: "attempt to index a nil value (local 'user')" };
    expect(runtimeHeader(`lua: app/handler.lua:42: attempt to index a nil value (local 'user')\n${traceback}`, "lua")).toEqual(expected);
    expect(runtimeHeader(`app/handler.lua:42: attempt to index a nil value (local 'user')\n${traceback}`, "lua")).toEqual(expected);
    expect(runtimeHeader(`luajit: /srv/app/handler.lua:42: attempt to index a nil value (local 'user')\n${traceback}`, "lua")).toEqual(expected);
    expect(runtimeHeader(`/usr/bin/lua5.1: [string "return user.name"]:1: attempt to index a nil value (local 'user')\n${traceback}`, "lua")).toEqual(expected);
    // error("boom", 0) and error objects: no location; a message over several lines, up to the traceback.
    expect(runtimeHeader(`lua: (error object is a table value)\n${traceback}`, "lua")).toEqual({ type: "LuaError", message: "(error object is a table value)" });
    expect(runtimeHeader(`lua: app/db.lua:9: module 'pgmoon' not found:\n\tno field package.preload['pgmoon']\n\tno file './pgmoon.lua'\n${traceback}`, "lua")).toEqual({
      type: "LuaError",
      message: "module 'pgmoon' not found:\n\tno field package.preload['pgmoon']\n\tno file './pgmoon.lua'",
    });
    const openresty = (error: string) =>
      `2026/03/12 10:15:42 [error] 123#0: *4 ${error}\nstack traceback:\ncoroutine 0:\n\t[C]: in function 'ipairs'\n\t/srv/gateway/lua/x.lua:10: in main chunk, client: 10.0.0.7, server: api.example.com`;
    expect(runtimeHeader(openresty("lua entry thread aborted: runtime error: /srv/gateway/lua/x.lua:10: bad argument #1 to 'ipairs' (table expected, got nil)"), "lua")).toEqual({
      type: "LuaError",
      message: "bad argument #1 to 'ipairs' (table expected, got nil)",
    });
    expect(runtimeHeader(openresty("lua user thread aborted: runtime error: unknown reason"), "lua")).toEqual({ type: "LuaError", message: "unknown reason" });
    expect(runtimeHeader(openresty("failed to run header_filter_by_lua*: header_filter_by_lua(nginx.conf:40):2: no cart"), "lua")).toEqual({ type: "LuaError", message: "no cart" });
    // debug.traceback("checkout failed") in an xpcall handler: the message alone.
    expect(runtimeHeader(`checkout failed\n${traceback}`, "lua")).toEqual({ type: "LuaError", message: "checkout failed" });
    expect(runtimeHeader("\tapp/handler.lua:42: in function 'process'", "lua")).toBeUndefined();
  });

  it("Perl: die (or the exception's class when one is printed), the message without where it died", () => {
    const calls = "\tShop::Checkout::finish(Shop::Checkout=HASH(0x55d0c8), 42) called at lib/Shop/Web.pm line 120\n\tShop::Web::post(Shop::Web=HASH(0x55d1a0)) called at script/app.pl line 15";
    const confessed = `Can't locate object method "save" via package "Order" at lib/Shop/Checkout.pm line 88.\n at lib/Shop/Checkout.pm line 88.\n${calls}`;
    expect(runtimeHeader(confessed, "perl")).toEqual({ type: "die", message: 'Can\'t locate object method "save" via package "Order"' });
    expect(runtimeHeader("Illegal division by zero at /srv/shop/bin/report line 31, <STDIN> line 4.", "perl")).toEqual({ type: "die", message: "Illegal division by zero" });
    expect(runtimeHeader(`cart is empty\nfor user 7 at lib/Shop/Cart.pm line 12.\n${calls}`, "perl")).toEqual({ type: "die", message: "cart is empty\nfor user 7" });
    // die "…\n" under confess: the location on a line of its own.
    expect(runtimeHeader(`cart is empty\n at lib/Shop/Cart.pm line 12.\n${calls}`, "perl")).toEqual({ type: "die", message: "cart is empty" });
    expect(runtimeHeader(`Shop::Error::NotFound=HASH(0x55d0c8a1b2c8) at lib/Shop/Cart.pm line 12.\n${calls}`, "perl")).toEqual({ type: "Shop::Error::NotFound", message: "" });
    expect(runtimeHeader(`Shop::X::NotFound: order 42 not found at lib/Shop/Orders.pm line 30.\n${calls}`, "perl")).toEqual({ type: "Shop::X::NotFound", message: "order 42 not found" });
    // Exception::Class with Trace(1): the message, then Devel::StackTrace's trace.
    const traced = "order 42 not found\n\nTrace begun at lib/Shop/Orders.pm line 30\nShop::X::throw('Shop::X', 'order 42 not found') called at lib/Shop/Web.pm line 12";
    expect(runtimeHeader(traced, "perl")).toEqual({ type: "die", message: "order 42 not found" });
    // A sub's name or a DBI handle before a colon is not a class.
    expect(runtimeHeader("Shop::Cart::add: quantity required at lib/Shop/Cart.pm line 9.", "perl")).toEqual({ type: "die", message: "Shop::Cart::add: quantity required" });
    expect(runtimeHeader('DBD::Pg::st execute failed: ERROR:  relation "carts" does not exist at lib/Shop/Db.pm line 40.', "perl")?.type).toBe("die");
    expect(runtimeHeader("Trace begun at lib/Foo.pm line 10\nFoo::bar('x') called at lib/Baz.pm line 20", "perl")).toBeUndefined();
  });

  it("OCaml: the uncaught exception's constructor, its argument the message; without a backtrace too", () => {
    const raised = 'Raised at Stdlib__Map.Make.find in file "map.ml", line 137, characters 10-25\nCalled from Dune__exe__Main in file "bin/main.ml", line 20, characters 9-24';
    expect(runtimeHeader(`Fatal error: exception Not_found\n${raised}`, "ocaml")).toEqual({ type: "Not_found", message: "" });
    expect(runtimeHeader(`Fatal error: exception Failure("int_of_string")\n${raised}`, "ocaml")).toEqual({ type: "Failure", message: "int_of_string" });
    expect(runtimeHeader(`Fatal error: exception Invalid_argument("index out of bounds")\n${raised}`, "ocaml")).toEqual({ type: "Invalid_argument", message: "index out of bounds" });
    expect(runtimeHeader(`Fatal error: exception Shop.Orders.Missing(42)\n${raised}`, "ocaml")).toEqual({ type: "Shop.Orders.Missing", message: "42" });
    expect(runtimeHeader(`Fatal error: exception Stdlib.Exit\n${raised}`, "ocaml")).toEqual({ type: "Stdlib.Exit", message: "" });
    expect(runtimeHeader(`Fatal error: exception Unix.Unix_error(Unix.ENOENT, "open", "cart.json")\n${raised}`, "ocaml")).toEqual({ type: "Unix.Unix_error", message: 'Unix.ENOENT, "open", "cart.json"' });
    // %S escapes: quotes, newlines, and bytes as \ddd (UTF-8).
    expect(runtimeHeader(`Fatal error: exception Failure("caf\\195\\169 \\"x\\"\\nend")\n${raised}`, "ocaml")).toEqual({ type: "Failure", message: 'café "x"\nend' });
    // Printexc's spelled-out exceptions, Base/Core's sexps, a thread's uncaught exception.
    expect(runtimeHeader(`Fatal error: exception Stack overflow\n${raised}`, "ocaml")).toEqual({ type: "Stack_overflow", message: "" });
    expect(runtimeHeader(`Fatal error: exception File "bin/main.ml", line 12, characters 2-8: Assertion failed\n${raised}`, "ocaml")).toEqual({
      type: "Assert_failure",
      message: 'File "bin/main.ml", line 12, characters 2-8',
    });
    expect(runtimeHeader(`Fatal error: exception (Failure "order 42 has no customer")\n${raised}`, "ocaml")).toEqual({ type: "Failure", message: "order 42 has no customer" });
    expect(runtimeHeader(`Thread 3 killed on uncaught exception Not_found\n${raised}`, "ocaml")).toEqual({ type: "Not_found", message: "" });
    // No OCAMLRUNPARAM=b: no frame tells the language; the line is OCaml's, not a Swift trap's.
    expect(runtimeHeader('Fatal error: exception Failure("int_of_string")', "unknown")).toEqual({ type: "Failure", message: "int_of_string" });
    expect(runtimeHeader("Fatal error: exception Not_found", "unknown")).toEqual({ type: "Not_found", message: "" });
    expect(runtimeHeader("Fatal error: exception thrown while unwrapping", "unknown")).toEqual({ type: "Fatal error", message: "exception thrown while unwrapping" });
  });

  it("Haskell: ErrorCall above its call stack, GHC 9.12's qualified type without package and module", () => {
    const stack = "CallStack (from HasCallStack):\n  error, called at libraries/base/GHC/List.hs:1646:3 in base:GHC.List\n  head, called at src/Orders.hs:27:15 in shop-0.1.0-inplace:Orders";
    expect(runtimeHeader(`app: Prelude.head: empty list\n${stack}`, "haskell")).toEqual({ type: "ErrorCall", message: "Prelude.head: empty list" });
    expect(runtimeHeader(`shop-exe: Map.!: given key is not an element in the map\n${stack}`, "haskell")).toEqual({ type: "ErrorCall", message: "Map.!: given key is not an element in the map" });
    expect(runtimeHeader(`shop: order 42\nhas no customer\n${stack}`, "haskell")).toEqual({ type: "ErrorCall", message: "order 42\nhas no customer" });
    expect(runtimeHeader(`*** Exception: Prelude.undefined\n${stack}`, "haskell")).toEqual({ type: "ErrorCall", message: "Prelude.undefined" });
    const backtrace = "HasCallStack backtrace:\n  error, called at src/Orders.hs:47:10 in shop-0.1.0-inplace:Orders\n  total, called at app/Main.hs:9:3 in main:Main";
    expect(runtimeHeader(`app: Uncaught exception ghc-internal:GHC.Internal.Exception.ErrorCall:\n\nPrelude.head: empty list\n\n${backtrace}`, "haskell")).toEqual({
      type: "ErrorCall",
      message: "Prelude.head: empty list",
    });
    expect(runtimeHeader(`app: Uncaught exception main:Shop.Orders.OrderNotFound:\n\nOrderNotFound 42\n\nWhile handling timeout\n${backtrace}`, "haskell")).toEqual({
      type: "OrderNotFound",
      message: "OrderNotFound 42",
    });
    // 9.10's backtrace alone (throwIO): the type is not printed, only the message is read.
    expect(runtimeHeader(`app: user 7 not found\n${backtrace}`, "haskell")).toEqual({ message: "user 7 not found" });
    // errorWithoutStackTrace under 9.12: no frame, but the header is GHC's alone.
    expect(runtimeHeader("hledger: Uncaught exception ghc-internal:GHC.Internal.Exception.ErrorCall:\n\nError: command x is not recognized\n", "unknown")).toEqual({
      type: "ErrorCall",
      message: "Error: command x is not recognized",
    });
    expect(runtimeHeader(stack, "haskell")).toBeUndefined();
  });

  it("the new languages' headers read no other runtime's trace", () => {
    const others = Object.entries(SAMPLES).filter(([name]) => !["lua", "perl", "ocaml", "haskell"].includes(name));
    for (const [name, sample] of others) {
      const text = sample.make(BASE).text;
      for (const language of ["lua", "perl", "ocaml", "haskell"] as const) expect(runtimeHeader(text, language), `${name} as ${language}`).toBeUndefined();
    }
    expect(runtimeHeader("Uncaught exception GET /api/cart (10.0.0.7)\nHTTPServerRequest(protocol='http')", "unknown")).toBeUndefined();
  });

  it("stays fast on hostile input (256 KiB)", () => {
    const big = (line: string) => `${line}\n`.repeat(Math.ceil(262_144 / (line.length + 1))).slice(0, 262_144);
    const inputs: [string, Language][] = [
      [`lua: ${"a:1".repeat(1000)}\n${big(":1: ".repeat(200))}stack traceback:`, "lua"],
      [big(`${"x".repeat(3000)}_by_lua failed to run ${"a".repeat(40)}_by_lua`), "lua"],
      [big(`${"/".repeat(2000)}lua: ${"[string \"".repeat(100)}`), "lua"],
      [big(" at ".repeat(500)), "perl"],
      [big(`${"A::".repeat(400)}: x at ${"y".repeat(3000)} line 1.`), "perl"],
      [big(`Fatal error: exception ${"A.".repeat(2000)}`), "ocaml"],
      [big(`Fatal error: exception ${"Aa".repeat(300)}("${'\\"'.repeat(1500)}`), "unknown"],
      [big(`Fatal error: exception (${"A".repeat(4000)} ${"(".repeat(2000)}`), "ocaml"],
      [big(`${"a".repeat(250)}: Uncaught exception ${"p".repeat(300)}:${"A.".repeat(1000)}`), "unknown"],
      [big(`${"x-".repeat(200)}: ${", called at ".repeat(100)}`), "haskell"],
    ];
    const start = performance.now();
    for (const [text, language] of inputs) expect(() => runtimeHeader(text, language)).not.toThrow();
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it("nothing for other languages or texts without a header", () => {
    expect(runtimeHeader(goRepanic, "python")).toBeUndefined();
    expect(runtimeHeader("goroutine 1 [running]:\nmain.main()", "go")).toBeUndefined();
  });
});

describe("a client that sends a placeholder type and no message", () => {
  const prepare = (type: string, message: string, stackTrace: string) => prepareEvent(IngestEventSchema.parse({ type, message, stackTrace }));
  const python = 'Traceback (most recent call last):\n  File "/app/shop/cart.py", line 12, in total\n    return prices[sku]\nKeyError: \'sku-42\'';

  it("gets the trace's own type and message, and the fingerprint the typed event gets", () => {
    expect(prepare("Error", "", python)).toMatchObject({ type: "KeyError", message: "'sku-42'" });
    expect(prepare("Exception", "", python).fingerprint).toBe(prepare("KeyError", "'sku-42'", python).fingerprint);
    expect(prepare("error", "", goRepanic)).toMatchObject({ type: "panic", message: "handler crashed: db closed" });
    expect(prepare("Error", "", rustPanic(""))).toMatchObject({ type: "panic", message: expect.stringContaining("config.toml missing") });
    const elixir = (line: number, id: number) => `** (KeyError) key :total not found in: %{id: ${id}}\n    (my_app 0.4.2) lib/my_app/billing/invoice.ex:${line}: MyApp.Billing.Invoice.total/1\n    (phoenix 1.7.14) lib/phoenix/router.ex:484: Phoenix.Router.__call__/5`;
    const placeholder = prepareEvent(IngestEventSchema.parse({ type: "Error", message: "", stackTrace: elixir(42, 17), platform: "elixir" }));
    expect(placeholder).toMatchObject({ type: "KeyError", message: "key :total not found in: %{id: 17}" });
    expect(placeholder.fingerprint).toBe(prepareEvent(IngestEventSchema.parse({ type: "KeyError", message: "x", stackTrace: elixir(45, 9911), platform: "elixir" })).fingerprint);
  });

  it("a sanitizer's report: typed by its bug, grouped by the faulting stack whatever the process, address or free site", () => {
    const first = prepare("Error", "", asan(4242, "0x602000000018", 77));
    expect(first).toMatchObject({ type: "heap-use-after-free", message: expect.stringMatching(/^READ of size 4 at /) });
    expect(first.frames?.at(-1)).toMatchObject({ function: "Session::user() const", lineno: 42 });
    expect(prepare("Unknown", "", asan(977, "0x6020000000f8", 91)).fingerprint).toBe(first.fingerprint);
  });

  it("a Node error's [ERR_…] code is not part of its type or message", () => {
    const text = "TypeError [ERR_INVALID_ARG_TYPE]: The \"path\" argument must be of type string. Received undefined\n    at Object.join (node:path:1268:7)\n    at load (/srv/app/src/config.js:4:22)";
    expect(prepare("Error", "", text)).toMatchObject({ type: "TypeError", message: 'The "path" argument must be of type string. Received undefined' });
  });

  it("Node's uncaught-error preamble and util.inspect's bracketed header are not the type", () => {
    const uncaught = ["/srv/app/boot.js:2", "read(undefined);", "^", "", "TypeError: Cannot read properties of undefined (reading 'profile')", "    at read (/srv/app/boot.js:1:29)"].join("\n");
    expect(prepare("Error", "", uncaught)).toMatchObject({ type: "TypeError", message: "Cannot read properties of undefined (reading 'profile')" });
    const aggregate = ["[AggregateError: All promises were rejected] {", "  [errors]: [", "    TypeError: a failed", "        at main (/srv/app/any.js:1:59)", "  ]", "}"].join("\n");
    expect(prepare("Error", "", aggregate)).toMatchObject({ type: "AggregateError", message: "All promises were rejected" });
  });

  it("Deno's and a browser console's 'Uncaught' prefixes are not the type", () => {
    const deno = "error: Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'id')\n    at getUser (file:///app/src/users.ts:12:21)";
    expect(prepare("Error", "", deno)).toMatchObject({ type: "TypeError", message: "Cannot read properties of undefined (reading 'id')" });
    const chrome = "Uncaught ReferenceError: cart is not defined\n    at HTMLButtonElement.onclick (https://shop.example.com/cart:12:5)";
    expect(prepare("Error", "", chrome)).toMatchObject({ type: "ReferenceError", message: "cart is not defined" });
  });

  it("Lua, Perl, OCaml and Haskell: the trace's own type and message", () => {
    const lua = "lua: app/handler.lua:42: attempt to index a nil value (local 'user')\nstack traceback:\n\t[C]: in ?\n\tapp/handler.lua:42: in function 'process'";
    expect(prepare("Error", "", lua)).toMatchObject({ type: "LuaError", message: "attempt to index a nil value (local 'user')" });
    const perl = 'Can\'t call method "email" on an undefined value at lib/Shop/Checkout.pm line 88.\n\tShop::Checkout::finish(42) called at script/app.pl line 15';
    expect(prepare("Exception", "", perl)).toMatchObject({ type: "die", message: 'Can\'t call method "email" on an undefined value' });
    const ocaml = 'Fatal error: exception Failure("int_of_string")\nRaised at Stdlib.failwith in file "stdlib.ml", line 29, characters 17-33\nCalled from Dune__exe__Main in file "bin/main.ml", line 3, characters 2-20';
    expect(prepare("Unknown", "", ocaml)).toMatchObject({ type: "Failure", message: "int_of_string" });
    expect(prepare("Unknown", "", 'Fatal error: exception Failure("int_of_string")')).toMatchObject({ type: "Failure", message: "int_of_string" });
    const haskell = "app: Prelude.head: empty list\nCallStack (from HasCallStack):\n  error, called at libraries/base/GHC/List.hs:1646:3 in base:GHC.List\n  head, called at src/Orders.hs:27:15 in shop-0.1.0-inplace:Orders";
    expect(prepare("Error", "", haskell)).toMatchObject({ type: "ErrorCall", message: "Prelude.head: empty list" });
    expect(prepare("Error", "", haskell).fingerprint).toBe(prepare("ErrorCall", "Prelude.head: empty list", haskell).fingerprint);
    // 9.10's throwIO: the message is read, the client's type stays.
    expect(prepare("Error", "", "app: user 7 not found\nHasCallStack backtrace:\n  throwIO, called at src/Users.hs:30:5 in users-1.2.0-inplace:Users")).toMatchObject({ type: "Error", message: "user 7 not found" });
    expect(prepare("OrderLookupFailed", "order 7", ocaml)).toMatchObject({ type: "OrderLookupFailed", message: "order 7" });
  });

  it("keeps what the client did say: a real type, or its own message", () => {
    expect(prepare("CartLookupFailed", "", python)).toMatchObject({ type: "CartLookupFailed", message: "'sku-42'" });
    expect(prepare("Error", "cart total failed", python)).toMatchObject({ type: "KeyError", message: "cart total failed" });
  });
});
