/**
 * Realistic stack traces for tests, generated from a variant so the same error can be
 * reproduced "after a deploy" (line numbers, closure indices, bundle hashes shift), "on
 * another host" (different checkout / install directories), "with other ids" in the
 * message, or "from another call site" (different innermost function).
 */
export interface Variant {
  /** Host: which checkout / install directories appear in paths. */
  host: 0 | 1;
  /** Release: shifts line numbers, compiler-generated indices and bundle hashes. */
  release: 0 | 1;
  /** Ids interpolated into the message. */
  ids: 0 | 1;
  /** Call site: which function throws. */
  site: 0 | 1;
}

export interface Sample {
  type: string;
  message: string;
  text: string;
}

export const BASE: Variant = { host: 0, release: 0, ids: 0, site: 0 };

const UUIDS = ["8f14e45f-ceea-467f-a0d8-1d1f0c4d8a2b", "0b5e7c21-93aa-4c1e-b7f2-5d6e8a9c0f13"];
const NUMS = [12345, 987];
const EMAILS = ["alice@example.com", "bob.smith@corp.example.org"];

/** Lines move by 7 after the deploy. */
const ln = (v: Variant, n: number) => n + v.release * 7;

export const SAMPLES: Record<string, { language: string; hint: string; make: (v: Variant) => Sample }> = {
  v8: {
    language: "javascript",
    hint: "node",
    make: (v) => {
      const root = ["/home/alice/app", "/srv/deploy/releases/20261124/app"][v.host];
      const fn = ["getUserEmail", "getOrderOwner"][v.site];
      return {
        type: "TypeError",
        message: `Cannot read properties of undefined (reading 'email') for user ${UUIDS[v.ids]}`,
        text: `TypeError: Cannot read properties of undefined (reading 'email') for user ${UUIDS[v.ids]}
    at ${fn} (${root}/src/services/users.js:${ln(v, 42)}:${ln(v, 17)})
    at Array.map (<anonymous>)
    at async Promise.all (index 0)
    at async handleRequest (${root}/src/routes/users.js:${ln(v, 88)}:5)
    at async Layer.handle [as handle_request] (${root}/node_modules/express/lib/router/layer.js:95:5)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`,
      };
    },
  },
  firefox: {
    language: "javascript",
    hint: "javascript",
    make: (v) => {
      const origin = ["https://app.example.com", "https://eu.app.example.com"][v.host];
      const hash = ["3f2a9c1b", "9e8d7c6b"][v.release];
      const fn = ["renderInvoice", "renderReceipt"][v.site];
      return {
        type: "TypeError",
        message: `invoice is undefined (id ${NUMS[v.ids]})`,
        text: `${fn}@${origin}/static/js/main.${hash}.js:1:${ln(v, 20311)}
async*InvoicePage/<@${origin}/static/js/main.${hash}.js?v=${hash}:1:${ln(v, 18877)}
loadInvoices@${origin}/static/js/main.${hash}.js:1:${ln(v, 17001)}
@${origin}/static/js/main.${hash}.js:1:${ln(v, 99)}`,
      };
    },
  },
  safari: {
    language: "javascript",
    hint: "browser",
    make: (v) => {
      const origin = ["https://app.example.com", "https://cdn.example.net/app"][v.host];
      const hash = ["BVHUl9xT", "C-q_oDg2"][v.release];
      const fn = ["parseSettings", "parseProfile"][v.site];
      return {
        type: "SyntaxError",
        message: `JSON Parse error: Unexpected identifier "user_${NUMS[v.ids]}"`,
        text: `parse@[native code]
${fn}@${origin}/assets/index-${hash}.js:2:${ln(v, 5120)}
loadSettings@${origin}/assets/index-${hash}.js:2:${ln(v, 4410)}
${origin}/assets/index-${hash}.js:2:${ln(v, 900)}
global code@${origin}/assets/index-${hash}.js:3:${ln(v, 12)}`,
      };
    },
  },
  python: {
    language: "python",
    hint: "python",
    make: (v) => {
      const root = ["/home/alice/app", "/srv/deploy/releases/20261124/app"][v.host];
      const lib = ["/usr/lib/python3.11/site-packages", "/opt/venv/lib/python3.12/site-packages"][v.host];
      const fn = ["load_profile", "load_settings"][v.site];
      return {
        type: "KeyError",
        message: `'user_${NUMS[v.ids]}'`,
        text: `Traceback (most recent call last):
  File "${lib}/flask/app.py", line 1484, in full_dispatch_request
    rv = self.dispatch_request()
  File "${root}/api/views.py", line ${ln(v, 57)}, in get_profile
    return jsonify(${fn}(user_id))
  File "${root}/api/profiles.py", line ${ln(v, 23)}, in ${fn}
    return CACHE[key]
           ~~~~~^^^^^
KeyError: 'user_${NUMS[v.ids]}'`,
      };
    },
  },
  java: {
    language: "java",
    hint: "java",
    make: (v) => {
      const base = ["java.base/", "java.base@17.0.9/"][v.host];
      const loader = ["", "app//"][v.host];
      const fn = ["charge", "refund"][v.site];
      return {
        type: "java.lang.IllegalStateException",
        message: `Order ${NUMS[v.ids]} is not payable (customer ${EMAILS[v.ids]})`,
        text: `Exception in thread "main" java.lang.IllegalStateException: Order ${NUMS[v.ids]} is not payable (customer ${EMAILS[v.ids]})
	at ${loader}com.acme.shop.billing.PaymentService.${fn}(PaymentService.java:${ln(v, 142)})
	at ${loader}com.acme.shop.billing.PaymentService.lambda$processAll$${v.release}(PaymentService.java:${ln(v, 97)})
	at ${base}java.util.ArrayList.forEach(ArrayList.java:1596)
	at ${loader}com.acme.shop.billing.PaymentService.processAll(PaymentService.java:${ln(v, 96)})
	at ${loader}com.acme.shop.Main.main(Main.java:${ln(v, 21)})
Caused by: java.io.IOException: gateway timeout after ${NUMS[v.ids]}ms
	at ${loader}com.acme.shop.billing.Gateway.call(Gateway.java:${ln(v, 61)})
	at ${loader}com.acme.shop.billing.PaymentService.${fn}(PaymentService.java:${ln(v, 140)})
	... 4 more`,
      };
    },
  },
  kotlin: {
    language: "java",
    hint: "kotlin",
    make: (v) => {
      const fn = ["findById", "findByEmail"][v.site];
      return {
        type: "java.lang.IllegalArgumentException",
        message: `No user with id ${UUIDS[v.ids]}`,
        text: `java.lang.IllegalArgumentException: No user with id ${UUIDS[v.ids]}
	at com.acme.users.UserRepository.${fn}(UserRepository.kt:${ln(v, 27)})
	at com.acme.users.UserService$load$${v.release + 1}.invokeSuspend(UserService.kt:${ln(v, 40)})
	at kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)
	at kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)
	at kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.run(CoroutineScheduler.kt:${v.host ? 702 : 695})`,
      };
    },
  },
  go: {
    language: "go",
    hint: "go",
    make: (v) => {
      const root = ["/home/alice/src/api", "/srv/deploy/releases/20261124/api"][v.host];
      const goroot = ["/usr/local/go", "/opt/hostedtoolcache/go/1.22.4/x64"][v.host];
      const fn = ["GetUser", "GetOrder"][v.site];
      const ptr = ["0xc000123456", "0xc0004a8f10"][v.ids];
      return {
        type: "panic",
        message: `runtime error: invalid memory address or nil pointer dereference [addr=${ptr}]`,
        text: `panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x${v.release ? "6d2e10" : "6c1a4f"}]

goroutine ${v.ids ? 118 : 42} [running]:
github.com/acme/api/internal/store.(*Store).${fn}(0x0, {${ptr}, 0x24})
	${root}/internal/store/store.go:${ln(v, 88)} +0x${v.release ? "2a" : "1d"}
github.com/acme/api/internal/http.(*Server).handleGet.func${v.release + 1}(...)
	${root}/internal/http/server.go:${ln(v, 40)}
github.com/acme/api/internal/http.(*Server).handleGet(${ptr}, {0x7f8a10, 0xc0002b4000}, 0xc0002c8000)
	${root}/internal/http/server.go:${ln(v, 52)} +0x65
net/http.HandlerFunc.ServeHTTP(0xc0001a2000, {0x7f8a10, 0xc0002b4000}, 0xc0002c8000)
	${goroot}/src/net/http/server.go:2136 +0x29
created by net/http.(*Server).Serve in goroutine 1
	${goroot}/src/net/http/server.go:3285 +0x4b4

goroutine 1 [IO wait]:
internal/poll.runtime_pollWait(0x7f2b5c3e1e28, 0x72)
	${goroot}/src/runtime/netpoll.go:345 +0x85`,
      };
    },
  },
  ruby: {
    language: "ruby",
    hint: "ruby",
    make: (v) => {
      const root = ["/home/alice/shop", "/srv/deploy/releases/20261124/shop"][v.host];
      const gems = ["/usr/local/bundle", "/home/deploy/.rbenv/versions/3.2.2/lib/ruby/gems/3.2.0"][v.host];
      const fn = ["full_name", "display_name"][v.site];
      return {
        type: "NoMethodError",
        message: `undefined method \`upcase' for nil:NilClass (user #${NUMS[v.ids]})`,
        text: `${root}/app/models/user.rb:${ln(v, 42)}:in \`${fn}': undefined method \`upcase' for nil:NilClass (user #${NUMS[v.ids]}) (NoMethodError)
	from ${root}/app/controllers/users_controller.rb:${ln(v, 10)}:in \`block in show'
	from ${root}/app/controllers/users_controller.rb:${ln(v, 8)}:in \`show'
	from ${gems}/gems/actionpack-7.1.${v.release + 2}/lib/action_controller/metal/basic_implicit_render.rb:6:in \`send_action'
	from ${root}/bin/rails:4:in \`<main>'`,
      };
    },
  },
  dotnet: {
    language: "dotnet",
    hint: "csharp",
    make: (v) => {
      const root = ["C:\\build\\acme", "D:\\agent\\_work\\7\\s"][v.host];
      const fn = ["Ship", "Cancel"][v.site];
      const r = v.release;
      return {
        type: "System.InvalidOperationException",
        message: `Order ${NUMS[v.ids]} cannot be changed by ${EMAILS[v.ids]}`,
        text: `System.InvalidOperationException: Order ${NUMS[v.ids]} cannot be changed by ${EMAILS[v.ids]}
 ---> System.Collections.Generic.KeyNotFoundException: The given key '${NUMS[v.ids]}' was not present in the dictionary.
   at System.Collections.Generic.Dictionary\`2.get_Item(TKey key)
   at Acme.Shop.Orders.OrderCache.Get(Int32 id) in ${root}\\src\\Acme.Shop\\Orders\\OrderCache.cs:line ${ln(v, 19)}
   --- End of inner exception stack trace ---
   at Acme.Shop.Orders.OrderService.${fn}(Int32 orderId) in ${root}\\src\\Acme.Shop\\Orders\\OrderService.cs:line ${ln(v, 42)}
   at Acme.Shop.Orders.OrderService.<ProcessAsync>d__${7 + r}.MoveNext() in ${root}\\src\\Acme.Shop\\Orders\\OrderService.cs:line ${ln(v, 77)}
--- End of stack trace from previous location ---
   at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()
   at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)
   at Acme.Shop.Api.OrdersController.<>c__DisplayClass${3 + r}_0.<Post>b__${r}(Order o) in ${root}\\src\\Acme.Shop.Api\\OrdersController.cs:line ${ln(v, 31)}
   at System.Linq.Enumerable.SelectListIterator\`2.MoveNext()
   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.Execute(ActionContext context)`,
      };
    },
  },
  php: {
    language: "php",
    hint: "php",
    make: (v) => {
      const root = ["/var/www/shop", "/srv/deploy/releases/20261124/shop"][v.host];
      const fn = ["charge", "capture"][v.site];
      return {
        type: "App\\Exceptions\\PaymentException",
        message: `Payment ${NUMS[v.ids]} declined for ${EMAILS[v.ids]}`,
        text: `PHP Fatal error:  Uncaught App\\Exceptions\\PaymentException: Payment ${NUMS[v.ids]} declined for ${EMAILS[v.ids]} in ${root}/src/Billing/PaymentGateway.php:${ln(v, 42)}
Stack trace:
#0 ${root}/src/Billing/CheckoutService.php(${ln(v, 88)}): App\\Billing\\PaymentGateway->${fn}(Object(App\\Billing\\Order))
#1 ${root}/src/Http/Controllers/CheckoutController.php(${ln(v, 31)}): App\\Billing\\CheckoutService->checkout(Array)
#2 ${root}/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): App\\Http\\Controllers\\CheckoutController->store(Object(Illuminate\\Http\\Request))
#3 [internal function]: Illuminate\\Routing\\Controller->callAction('store', Array)
#4 ${root}/public/index.php(${ln(v, 52)}): Illuminate\\Foundation\\Http\\Kernel->handle(Object(Illuminate\\Http\\Request))
#5 {main}
  thrown in ${root}/src/Billing/PaymentGateway.php on line ${ln(v, 42)}`,
      };
    },
  },
  rust: {
    language: "rust",
    hint: "rust",
    make: (v) => {
      const root = ["/home/alice/api", "/home/runner/work/api/api"][v.host];
      const rustc = ["/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf", "/rustc/3f5fd8dd41153bc5fdca9427e9e05be2c767ba23"][v.release];
      const registry = ["/home/alice/.cargo/registry/src/index.crates.io-6f17d22bba15001f", "/usr/local/cargo/registry/src/index.crates.io-6f17d22bba15001f"][v.host];
      const fn = ["load_user", "load_order"][v.site];
      return {
        type: "panic",
        message: `called \`Result::unwrap()\` on an \`Err\` value: NotFound(${NUMS[v.ids]})`,
        text: `thread 'tokio-runtime-worker' panicked at src/store.rs:${ln(v, 42)}:18:
called \`Result::unwrap()\` on an \`Err\` value: NotFound(${NUMS[v.ids]})
stack backtrace:
   0: rust_begin_unwind
             at ${rustc}/library/std/src/panicking.rs:665:5
   1: core::panicking::panic_fmt
             at ${rustc}/library/core/src/panicking.rs:74:14
   2: core::result::unwrap_failed
             at ${rustc}/library/core/src/result.rs:1700:5
   3: core::result::Result<T,E>::unwrap
             at ${rustc}/library/core/src/result.rs:1104:23
   4: api::store::Store::${fn}
             at ${root}/src/store.rs:${ln(v, 42)}:18
   5: api::handlers::get::{{closure}}
             at ${root}/src/handlers.rs:${ln(v, 17)}:5
   6: <core::pin::Pin<P> as core::future::future::Future>::poll
             at ${rustc}/library/core/src/future/future.rs:123:9
   7: tokio::runtime::task::core::Core<T,S>::poll::{{closure}}
             at ${registry}/tokio-1.${38 + v.release}.0/src/runtime/task/core.rs:331:17
note: Some details are omitted, run with \`RUST_BACKTRACE=full\` for a verbose backtrace.`,
      };
    },
  },
  elixir: {
    language: "elixir",
    hint: "elixir",
    make: (v) => {
      const fn = ["charge", "refund"][v.site];
      return {
        type: "KeyError",
        message: `key :amount not found in: %{id: ${NUMS[v.ids]}}`,
        text: `** (KeyError) key :amount not found in: %{id: ${NUMS[v.ids]}}
    (shop 0.${v.release + 3}.0) lib/shop/billing.ex:${ln(v, 42)}: Shop.Billing.${fn}/2
    (shop 0.${v.release + 3}.0) lib/shop/billing.ex:${ln(v, 18)}: anonymous fn/1 in Shop.Billing.process/1
    (elixir 1.${15 + v.host}.7) lib/enum.ex:${v.host ? 1701 : 1693}: Enum."-map/2-lists^map/1-1-"/2
    (shop 0.${v.release + 3}.0) lib/shop_web/controllers/payment_controller.ex:${ln(v, 9)}: ShopWeb.PaymentController.create/2
    (phoenix 1.7.${v.host ? 14 : 10}) lib/phoenix/controller.ex:${v.host ? 1017 : 1003}: Phoenix.Controller.__action_fallback__/2
    (stdlib 5.1.1) gen_server.erl:1077: :gen_server.try_handle_call/4`,
      };
    },
  },
  dart: {
    language: "dart",
    hint: "flutter",
    make: (v) => {
      const fn = ["load", "refresh"][v.site];
      const flutter = v.host ? 1203 : 1187;
      return {
        type: "StateError",
        message: `Bad state: No element (user ${UUIDS[v.ids]})`,
        text: `#0      ListBase.first (dart:collection/list.dart:${v.host ? 171 : 167}:5)
#1      UserRepository.${fn} (package:shop_app/data/user_repository.dart:${ln(v, 42)}:7)
<asynchronous suspension>
#2      _ProfilePageState.build.<anonymous closure> (package:shop_app/ui/profile_page.dart:${ln(v, 18)}:5)
#3      State.setState (package:flutter/src/widgets/framework.dart:${flutter}:30)
#4      _rootRun (dart:async/zone.dart:1399:47)`,
      };
    },
  },
  gdb: {
    language: "native",
    hint: "native",
    make: (v) => {
      const root = ["/home/alice/engine", "/builds/ci/engine"][v.host];
      const fn = ["Parser::parseHeader", "Parser::parseBody"][v.site];
      const a = (base: number) => `0x${(base + v.release * 0x1a0 + v.host * 0x7000).toString(16).padStart(16, "0")}`;
      return {
        type: "SIGABRT",
        message: `Assertion \`offset < size' failed (offset ${NUMS[v.ids]})`,
        text: `#0  __pthread_kill_implementation (no_tid=0, signo=6, threadid=140737351481152) at ./nptl/pthread_kill.c:44
#1  0x00007ffff7c4527e in __GI_raise (sig=sig@entry=6) at ../sysdeps/posix/raise.c:26
#2  0x00007ffff7c288ff in __GI_abort () at ./stdlib/abort.c:79
#3  0x00007ffff7c2881b in __assert_fail_base (fmt=0x7ffff7dd01e8 "%s%s%s:%u: %s%sAssertion \`%s' failed.", assertion=${a(0x555555556004)} "offset < size", file=${a(0x555555556010)} "src/parser.cpp", line=${ln(v, 42)}, function=<optimized out>) at ./assert/assert.c:94
#4  0x00007ffff7c3b507 in __assert_fail () at ./assert/assert.c:103
#5  ${a(0x5555555552a9)} in ${fn} (this=${a(0x7fffffffe0b0)}, input=...) at ${root}/src/parser.cpp:${ln(v, 42)}
#6  ${a(0x555555555321)} in Parser::parse (this=${a(0x7fffffffe0b0)}, input="GET / HTTP/1.1") at ${root}/src/parser.cpp:${ln(v, 12)}
#7  ${a(0x555555555400)} in main (argc=1, argv=${a(0x7fffffffe1d8)}) at ${root}/src/main.cpp:${ln(v, 10)}`,
      };
    },
  },
  lua: {
    language: "lua",
    hint: "lua",
    make: (v) => {
      const root = ["/home/alice/shop", "/srv/deploy/releases/20261124/shop"][v.host];
      const rocks = ["/usr/local/share/lua/5.1", "/home/deploy/.luarocks/share/lua/5.1"][v.host];
      const fn = ["checkout", "refund"][v.site];
      return {
        type: "error",
        message: `order ${NUMS[v.ids]} has no customer`,
        text: `lua: ${root}/app/orders.lua:${ln(v, 42)}: order ${NUMS[v.ids]} has no customer
stack traceback:
	[C]: in function 'error'
	${root}/app/orders.lua:${ln(v, 42)}: in function 'orders.${fn}'
	${root}/app/router.lua:${ln(v, 17)}: in upvalue 'dispatch'
	${rocks}/lapis/application.lua:${v.host ? 150 : 146}: in function <${rocks}/lapis/application.lua:${v.host ? 141 : 137}>
	[C]: in function 'xpcall'
	${root}/app/main.lua:${ln(v, 9)}: in main chunk
	[C]: in ?`,
      };
    },
  },
  perl: {
    language: "perl",
    hint: "perl",
    make: (v) => {
      const root = ["/home/alice/shop", "/srv/deploy/releases/20261124/shop"][v.host];
      const cpan = ["/usr/local/lib/perl5/site_perl/5.38.0", `${root}/local/lib/perl5`][v.host];
      const fn = ["finish", "cancel"][v.site];
      const addr = (n: number) => `0x${(0x55d0c8a1b2c0 + n * 0x40 + v.release * 0x1000 + v.ids * 0x20).toString(16)}`;
      return {
        type: "Shop::X::NoCustomer",
        message: `Can't call method "email" on an undefined value (order ${NUMS[v.ids]})`,
        text: `Can't call method "email" on an undefined value (order ${NUMS[v.ids]}) at ${root}/lib/Shop/Checkout.pm line ${ln(v, 88)}.
 at ${root}/lib/Shop/Checkout.pm line ${ln(v, 88)}.
	Shop::Checkout::${fn}(Shop::Checkout=HASH(${addr(1)}), ${NUMS[v.ids]}) called at ${root}/lib/Shop/Web.pm line ${ln(v, 120)}
	Shop::Web::__ANON__() called at ${cpan}/Try/Tiny.pm line 123
	eval {...} called at ${cpan}/Try/Tiny.pm line 116
	Try::Tiny::try(CODE(${addr(2)}), Try::Tiny::Catch=REF(${addr(3)})) called at ${root}/lib/Shop/Web.pm line ${ln(v, 118)}
	Shop::Web::post_checkout(Shop::Web=HASH(${addr(4)})) called at ${cpan}/Plack/Util.pm line 145
	eval {...} called at ${cpan}/Plack/Util.pm line 145
	Plack::Util::run_app(CODE(${addr(5)}), HASH(${addr(6)})) called at ${root}/script/app.psgi line ${ln(v, 15)}`,
      };
    },
  },
  ocaml: {
    language: "ocaml",
    hint: "ocaml",
    make: (v) => {
      const fn = ["customer_of", "refund_of"][v.site];
      // Another host runs another OCaml: the standard library's lines differ.
      const stdlib = v.host ? { failwith: 29, iter: 112 } : { failwith: 27, iter: 110 };
      return {
        type: "Failure",
        message: `order ${NUMS[v.ids]} has no customer`,
        text: `Fatal error: exception Failure("order ${NUMS[v.ids]} has no customer")
Raised at Stdlib.failwith in file "stdlib.ml", line ${stdlib.failwith}, characters 17-33
Called from Shop__Orders.${fn} in file "src/orders.ml", line ${ln(v, 42)}, characters 4-40
Called from Stdlib__List.iter in file "list.ml", line ${stdlib.iter}, characters 12-15
Called from Shop__Orders.process_all in file "src/orders.ml", line ${ln(v, 18)}, characters 2-30
Called from Dune__exe__Main in file "bin/main.ml", line ${ln(v, 9)}, characters 9-24`,
      };
    },
  },
  haskell: {
    language: "haskell",
    hint: "haskell",
    make: (v) => {
      const fn = ["customerOf", "refundOf"][v.site];
      const stack = `  error, called at src/Shop/Orders.hs:${ln(v, 42)}:11 in shop-0.1.0.0-inplace:Shop.Orders
  ${fn}, called at src/Shop/Checkout.hs:${ln(v, 27)}:15 in shop-0.1.0.0-inplace:Shop.Checkout
  checkoutAll, called at app/Main.hs:${ln(v, 9)}:3 in main:Main`;
      // Another host builds with GHC 9.10, which adds the backtrace of where the error was thrown.
      const backtrace = v.host
        ? `
HasCallStack backtrace:
  collectBacktraces, called at libraries/ghc-internal/src/GHC/Internal/Exception.hs:92:13 in ghc-internal:GHC.Internal.Exception
  toExceptionWithBacktrace, called at libraries/ghc-internal/src/GHC/Internal/Exception.hs:128:3 in ghc-internal:GHC.Internal.Exception
${stack}`
        : "";
      return {
        type: "ErrorCall",
        message: `order ${NUMS[v.ids]} has no customer`,
        text: `shop: order ${NUMS[v.ids]} has no customer
CallStack (from HasCallStack):
${stack}${backtrace}`,
      };
    },
  },
  julia: {
    language: "julia",
    hint: "julia",
    make: (v) => {
      const root = ["/home/alice/shop", "/srv/deploy/releases/20261124/shop"][v.host];
      const depot = ["/home/alice/.julia", "/opt/julia/depot"][v.host];
      const fn = ["customer_of", "refund_of"][v.site];
      return {
        type: "KeyError",
        message: `key "order-${NUMS[v.ids]}" not found`,
        text: `ERROR: LoadError: KeyError: key "order-${NUMS[v.ids]}" not found
Stacktrace:
 [1] getindex(h::Dict{String, Shop.Order}, key::String)
   @ Base ./dict.jl:${v.host ? 484 : 498}
 [2] ${fn}(store::Shop.OrderStore, id::String)
   @ Shop ${root}/src/orders.jl:${ln(v, 42)}
 [3] handle(req::HTTP.Messages.Request)
   @ Shop ${root}/src/server.jl:${ln(v, 17)}
 [4] (::HTTP.Handlers.var"#1#2"{typeof(Shop.handle)})(stream::HTTP.Streams.Stream{HTTP.Messages.Request, HTTP.Connections.Connection{Sockets.TCPSocket}})
   @ HTTP.Handlers ${depot}/packages/HTTP/sJD5V/src/Handlers.jl:58
 [5] top-level scope
   @ ${root}/bin/main.jl:${ln(v, 9)}
in expression starting at ${root}/bin/main.jl:${ln(v, 9)}`,
      };
    },
  },
  zig: {
    language: "zig",
    hint: "zig",
    make: (v) => {
      const root = ["/home/alice/shop", "/srv/deploy/releases/20261124/shop"][v.host];
      const zig = ["/usr/lib/zig", "/opt/zig-linux-x86_64-0.13.0/lib"][v.host];
      const fn = ["customerOf", "refundOf"][v.site];
      const addr = (base: number) => `0x${(base + v.release * 0x1a0).toString(16)}`;
      return {
        type: "panic",
        message: `index out of bounds: index ${NUMS[v.ids]}, len 3`,
        text: `thread ${v.host ? 8121 : 31337} panic: index out of bounds: index ${NUMS[v.ids]}, len 3
${root}/src/orders.zig:${ln(v, 42)}:30: ${addr(0x1034e5a)} in ${fn} (shop)
        return self.customers[id];
                             ^
${root}/src/server.zig:${ln(v, 17)}:35: ${addr(0x1035f2b)} in handle (shop)
    const customer = store.${fn}(req.order_id);
                                  ^
${root}/src/main.zig:${ln(v, 9)}:23: ${addr(0x1036a01)} in main (shop)
    try server.handle(req);
                      ^
${zig}/std/start.zig:${v.host ? 524 : 514}:22: ${addr(0x1033a19)} in posixCallMainAndExit (shop)
            root.main();
                     ^
${zig}/std/start.zig:266:5: ${addr(0x1033541)} in _start (shop)
    asm volatile (switch (native_arch) {
    ^
???:?:?: 0x0 in ??? (???)
Aborted (core dumped)`,
      };
    },
  },
  crystal: {
    language: "crystal",
    hint: "crystal",
    make: (v) => {
      const root = ["/home/alice/shop", "/srv/deploy/releases/20261124/shop"][v.host];
      const stdlib = ["/usr/share/crystal/src", "/opt/homebrew/Cellar/crystal/1.11.2/share/crystal/src"][v.host];
      const fn = ["customer_of", "refund_of"][v.site];
      return {
        type: "KeyError",
        message: `Missing hash key: "order-${NUMS[v.ids]}"`,
        text: `Unhandled exception: Missing hash key: "order-${NUMS[v.ids]}" (KeyError)
  from ${stdlib}/hash.cr:${v.host ? 1080 : 1073}:11 in '[]'
  from src/shop/orders.cr:${ln(v, 42)}:5 in '${fn}'
  from src/shop/server.cr:${ln(v, 17)}:7 in 'handle'
  from lib/kemal/src/kemal/route_handler.cr:255:3 in 'call'
  from src/shop.cr:${ln(v, 9)}:1 in '__crystal_main'
  from ${stdlib}/crystal/main.cr:129:5 in 'main_user_code'
  from ${stdlib}/crystal/main.cr:115:7 in 'main'
  from ${stdlib}/crystal/main.cr:141:3 in 'main'
  from /lib/x86_64-linux-gnu/libc.so.6 in '__libc_start_main'
  from ${root}/bin/shop in '_start'
  from ???`,
      };
    },
  },
  nim: {
    language: "nim",
    hint: "nim",
    make: (v) => {
      const root = ["/home/alice/shop", "/srv/deploy/releases/20261124/shop"][v.host];
      const lib = ["/usr/lib/nim/lib", "/home/deploy/.choosenim/toolchains/nim-2.0.2/lib"][v.host];
      const fn = ["customerOf", "refundOf"][v.site];
      // Nim pads each frame's file and line to a column.
      const frame = (where: string, proc: string) => `${where}${" ".repeat(Math.max(1, 25 - where.length))}${proc}`;
      return {
        type: "KeyError",
        message: `key not found: order-${NUMS[v.ids]}`,
        text: `Traceback (most recent call last)
${frame(`${root}/src/shop.nim(${ln(v, 9)})`, "shop")}
${frame(`${root}/src/shop/server.nim(${ln(v, 17)})`, "handle")}
${frame(`${root}/src/shop/orders.nim(${ln(v, 42)})`, fn)}
${frame(`${lib}/pure/collections/tables.nim(${v.host ? 245 : 233})`, "[]")}
${frame(`${lib}/pure/collections/tables.nim(${v.host ? 213 : 201})`, "raiseKeyError")}
Error: unhandled exception: key not found: order-${NUMS[v.ids]} [KeyError]`,
      };
    },
  },
};
