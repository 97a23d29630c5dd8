import { describe, expect, it } from "vitest";
import { joinWrappedGdbFrames, parseNative } from "@/lib/ingest/stacktrace/parseNative";

describe("parseNative", () => {
  it("reads gdb backtraces: addresses and argument values dropped, shared-library frames as library", () => {
    const frames = parseNative(`#0  __pthread_kill_implementation (no_tid=0, signo=6, threadid=140737351481152) at ./nptl/pthread_kill.c:44
#1  0x00007ffff7c4527e in __GI_raise (sig=sig@entry=6) at ../sysdeps/posix/raise.c:26
#2  0x00007ffff7829d90 in __libc_start_call_main () from /lib/x86_64-linux-gnu/libc.so.6
#3  0x0000555555555169 in std::vector<int, std::allocator<int> >::at (this=0x7fffffffe0b0, __n=5) at /usr/include/c++/13/bits/stl_vector.h:1144
#4  0x00005555555551a0 in (anonymous namespace)::Parser::parse (this=0x7fffffffe0b0, input=...) at src/parser.cpp:42
#5  0x00005555555552b0 in ?? ()
#6  0x00005555555553c0 in main (argc=1, argv=0x7fffffffe1d8) at src/main.cpp:10`);
    expect(frames).toEqual([
      { function: "main", filename: "src/main.cpp", lineno: 10 },
      {},
      { function: "(anonymous namespace)::Parser::parse", filename: "src/parser.cpp", lineno: 42 },
      { function: "std::vector<int, std::allocator<int> >::at", filename: "/usr/include/c++/13/bits/stl_vector.h", absPath: "/usr/include/c++/13/bits/stl_vector.h", lineno: 1144 },
      { function: "__libc_start_call_main", module: "libc.so.6", filename: "/lib/x86_64-linux-gnu/libc.so.6", absPath: "/lib/x86_64-linux-gnu/libc.so.6", inApp: false },
      { function: "__GI_raise", filename: "../sysdeps/posix/raise.c", lineno: 26 },
      { function: "__pthread_kill_implementation", filename: "./nptl/pthread_kill.c", lineno: 44 },
    ]);
  });

  it("reads gdb frames wrapped at the terminal's width: the innermost (the crash's) keeps its location", () => {
    const wrapped = [
      "Program terminated with signal SIGSEGV, Segmentation fault.",
      "#0  0x000055d0c2a3f912 in storage::Segment::append (this=0x0, record=..., ",
      "    flush=true) at src/storage/segment.cpp:48",
      "#1  0x000055d0c2a40a11 in storage::Log::write (this=0x55d0c3b2e2a0, batch=...)",
      "    at src/storage/log.cpp:112",
      "#2  0x000055d0c2a12345 in main (argc=1, argv=0x7ffd1c2b3e48) at src/main.cpp:20",
    ].join("\n");
    expect(parseNative(wrapped)?.map((f) => `${f.function} ${f.filename}:${f.lineno}`)).toEqual([
      "main src/main.cpp:20",
      "storage::Log::write src/storage/log.cpp:112",
      "storage::Segment::append src/storage/segment.cpp:48",
    ]);
    // Sanitizer frames are one line each, and the report's text after them is not a continuation.
    expect(joinWrappedGdbFrames(["    #0 0x4c8f1e in f() /src/a.cpp:8:10", "    #1 0x4c8e00 in main /src/a.cpp:20:3", "", "  Previous read of size 8 at 0x7b04 by thread T1:"])).toHaveLength(4);
  });

  it("reads lldb backtraces, the binary as module", () => {
    const frames = parseNative(`* thread #1, queue = 'com.apple.main-thread', stop reason = EXC_BAD_ACCESS (code=1, address=0x0)
  * frame #0: 0x0000000100003f50 engine\`Parser::parse(this=0x000000016fdff0a8, input=0x0000000000000000) at parser.cpp:42:7
    frame #1: 0x0000000100003fa0 engine\`main at main.cpp:10:3
    frame #2: 0x000000019a0e3f28 dyld\`start + 2236`);
    expect(frames).toEqual([
      { function: "start", module: "dyld" },
      { function: "main", module: "engine", filename: "main.cpp", lineno: 10, colno: 3 },
      { function: "Parser::parse", module: "engine", filename: "parser.cpp", lineno: 42, colno: 7 },
    ]);
  });

  it("reads Apple crash-report threads up to the next thread", () => {
    const frames = parseNative(`Thread 0 Crashed::  Dispatch queue: com.apple.main-thread
0   libswiftCore.dylib            	0x00000001a2b3c4d5 _assertionFailure(_:_:file:line:flags:) + 264
1   My App                        	0x0000000100f0c2b4 ViewController.viewDidLoad() + 180 (ViewController.swift:42)
2   My App                        	0x0000000100f0a000 0x100f00000 + 40960
3   UIKitCore                     	0x00000001a5f6e7d8 -[UIViewController loadViewIfRequired] + 1012

Thread 1:
0   libsystem_kernel.dylib        	0x00000001d1b2c3d4 __workq_kernreturn + 8`);
    expect(frames).toEqual([
      { module: "UIKitCore", function: "-[UIViewController loadViewIfRequired]" },
      { module: "My App" },
      { module: "My App", filename: "ViewController.swift", lineno: 42, function: "ViewController.viewDidLoad()" },
      { module: "libswiftCore.dylib", function: "_assertionFailure(_:_:file:line:flags:)" },
    ]);
  });

  it("reads the thread a crash report marks as crashed, not the idle main thread listed before it", () => {
    const frames = parseNative(`Exception Type:  EXC_BAD_ACCESS (SIGSEGV)
Triggered by Thread:  3

Thread 0 name:   Dispatch queue: com.apple.main-thread
Thread 0:
0   libsystem_kernel.dylib        	0x00000001e5f0a1b4 mach_msg2_trap + 8
1   CoreFoundation                	0x00000001a0f2c3d4 __CFRunLoopServiceMachPort + 160
2   UIKitCore                     	0x00000001a3c1d2e0 UIApplicationMain + 340

Thread 3 Crashed:
0   Shop                          	0x0000000100e8a1f4 ImageCache.store(_:for:) + 212 (ImageCache.swift:61)
1   Shop                          	0x0000000100e8b000 closure #1 in ImageLoader.load(url:) + 96 (ImageLoader.swift:30)
2   libdispatch.dylib             	0x00000001a8b1c2d3 _dispatch_call_block_and_release + 32

Thread 4:
0   libsystem_pthread.dylib       	0x00000001f0a230c4 start_wqthread + 0`);
    expect(frames?.map((f) => f.function)).toEqual(["_dispatch_call_block_and_release", "closure #1 in ImageLoader.load(url:)", "ImageCache.store(_:for:)"]);
  });

  it("reads an uncaught exception's Last Exception Backtrace before the crashed thread's abort", () => {
    const frames = parseNative(`Last Exception Backtrace:
0   CoreFoundation                	0x000000019f236d14 __exceptionPreprocess + 164
1   libobjc.A.dylib               	0x00000001983ac2b8 objc_exception_throw + 60
2   Shop                          	0x0000000100e8a1f4 -[CartViewController checkout:] + 112 (CartViewController.m:88)

Thread 0 Crashed:
0   libsystem_kernel.dylib        	0x00000001e5f0a1b4 __pthread_kill + 8
1   libsystem_c.dylib             	0x00000001a8b1c2d3 abort + 180`);
    expect(frames?.map((f) => f.function)).toEqual(["-[CartViewController checkout:]", "objc_exception_throw", "__exceptionPreprocess"]);
  });

  it("reads the thread lldb's `bt all` selects", () => {
    const frames = parseNative(`  thread #1, queue = 'com.apple.main-thread'
    frame #0: 0x00000001e5f0a1b4 libsystem_kernel.dylib\`mach_msg2_trap + 8
    frame #1: 0x00000001a0f2c3d4 CoreFoundation\`__CFRunLoopServiceMachPort + 160
* thread #4, queue = 'com.shop.sync', stop reason = EXC_BAD_ACCESS (code=1, address=0x10)
  * frame #0: 0x0000000100003f50 Shop\`SyncEngine.merge(_:) at SyncEngine.swift:88:14
    frame #1: 0x0000000100003fa0 Shop\`SyncEngine.run() at SyncEngine.swift:40:9`);
    expect(frames?.map((f) => f.function)).toEqual(["SyncEngine.run()", "SyncEngine.merge(_:)"]);
  });

  it("reads gdb frames of GCC's optimised copies ('[clone .cold]'), which carry a space", () => {
    const frames = parseNative(`#0  0x00007ffff7a42428 in __GI_raise (sig=sig@entry=6) at ../sysdeps/unix/sysv/linux/raise.c:54
#1  0x0000555555555189 in Worker::run() [clone .cold] () at src/worker.cpp:40
#2  0x00005555555551f0 in Parser::parse(std::string const&) [clone .isra.0] (s=...) at src/parser.cpp:12
#3  0x0000555555555300 in main () at src/main.cpp:5`);
    expect(frames?.map((f) => [f.function, f.lineno])).toEqual([
      ["main", 5],
      ["Parser::parse(std::string const&) [clone .isra.0]", 12],
      ["Worker::run() [clone .cold]", 40],
      ["__GI_raise", 54],
    ]);
    expect(parseNative(" 0# Worker::run() [clone .cold]\n 1# main")?.map((f) => f.function)).toEqual(["main", "Worker::run() [clone .cold]"]);
  });

  it("reads Android tombstones: the symbol without its offset, the binary's path as module, BuildId and offset marks dropped", () => {
    const frames = parseNative(`signal 11 (SIGSEGV), code 1 (SEGV_MAPERR), fault addr 0x0000000000000000
backtrace:
      #00 pc 000000000004b2c0  /data/app/~~Xk2lP0aB3c==/com.acme.app-Ab12Cd34Ef==/lib/arm64/libnative.so (Renderer::draw(Frame*)+64) (BuildId: 9f8e7d6c5b4a3210)
      #01 pc 0000000000012345  /data/app/~~Xk2lP0aB3c==/com.acme.app-Ab12Cd34Ef==/base.apk!libnative.so (offset 0x1a000) (Java_com_acme_app_NativeBridge_render+120)
      #02 pc 0000000000055f10  /system/lib64/libutils.so
      #03 pc 00000000000a1b20  /apex/com.android.runtime/lib64/bionic/libc.so (__pthread_start(void*)+208) (BuildId: 4d5e6f)`);
    expect(frames).toEqual([
      { function: "__pthread_start(void*)", module: "/apex/com.android.runtime/lib64/bionic/libc.so" },
      { module: "/system/lib64/libutils.so" },
      { function: "Java_com_acme_app_NativeBridge_render", module: "/data/app/~~Xk2lP0aB3c==/com.acme.app-Ab12Cd34Ef==/base.apk!libnative.so" },
      { function: "Renderer::draw(Frame*)", module: "/data/app/~~Xk2lP0aB3c==/com.acme.app-Ab12Cd34Ef==/lib/arm64/libnative.so" },
    ]);
  });

  it("leaves Dart's and PHP's numbered frames alone", () => {
    expect(parseNative("#0      UserRepository.load (package:my_app/data/user_repository.dart:42:7)")).toBeNull();
    expect(parseNative("#0 /var/www/app/src/A.php(12): App\\A->b(Object(App\\C))")).toBeNull();
  });
});

describe("parseNative: debugger sessions", () => {
  it("replaces the stop location a debugger prints before `bt` with the whole stack, and reads signature-named frames", () => {
    const frames = parseNative(`Program terminated with signal SIGABRT, Aborted.
#0  __pthread_kill_implementation (no_tid=0, signo=6, threadid=1) at ./nptl/pthread_kill.c:44
44	./nptl/pthread_kill.c: No such file or directory.
(gdb) bt
#0  __pthread_kill_implementation (no_tid=0, signo=6, threadid=1) at ./nptl/pthread_kill.c:44
#1  0x00007f36d18a54a0 in std::__throw_out_of_range_fmt(char const*, ...) () from /lib/x86_64-linux-gnu/libstdc++.so.6
#2  0x000055d4c2a1d6e8 in Parser::parse (this=0x7ffd3b1c8e40, input=...) at src/parser.cpp:44`);
    expect(frames?.map((f) => f.function)).toEqual(["Parser::parse", "std::__throw_out_of_range_fmt(char const*, ...)", "__pthread_kill_implementation"]);
  });

  it("still stops at the next thread's backtrace", () => {
    const frames = parseNative(`#0  0x1 in crash () at a.c:1\n#1  0x2 in main () at a.c:9\n\nThread 2:\n#0  0x3 in poll () from /lib/libc.so.6`);
    expect(frames?.map((f) => f.function)).toEqual(["main", "crash"]);
  });

  it("reads Swift's backtracer (Linux): symbol, binary and source location; '[inlined]' frames too", () => {
    const text = [
      "App/main.swift:3: Fatal error: Unexpectedly found nil while unwrapping an Optional value",
      "",
      "💣 Program crashed: System trap at 0x00007f2e4b3c1a2d",
      "",
      "Thread 0 crashed:",
      "",
      "0 0x00007f2e4b3c1a2d _assertionFailure(_:_:file:line:flags:) + 525 in libswiftCore.so",
      "1 [inlined] 0x000055d0c1a0b3f1 User.load() in App at /app/Sources/App/User.swift:12:9",
      "2 0x000055d0c1a0b3f1 loadUser() + 97 in App at /app/Sources/App/main.swift:3:14",
      "3 0x000055d0c1a0b2c2 main + 18 in App at /app/Sources/App/main.swift:7:1",
    ].join("\n");
    expect(parseNative(text)).toEqual([
      { function: "main", module: "App", filename: "/app/Sources/App/main.swift", absPath: "/app/Sources/App/main.swift", lineno: 7, colno: 1 },
      { function: "loadUser()", module: "App", filename: "/app/Sources/App/main.swift", absPath: "/app/Sources/App/main.swift", lineno: 3, colno: 14 },
      { function: "User.load()", module: "App", filename: "/app/Sources/App/User.swift", absPath: "/app/Sources/App/User.swift", lineno: 12, colno: 9 },
      { function: "_assertionFailure(_:_:file:line:flags:)", module: "libswiftCore.so" },
    ]);
  });

  it("reads Kotlin/Native's stack traces: the crash-report layout after 'at ', with or without a source location", () => {
    const text = [
      "Uncaught Kotlin exception: kotlin.IllegalStateException: order 8812 has no lines",
      "    at 0   orders.kexe                         0x000000010c8a1f2d kfun:kotlin.Throwable#<init>(kotlin.String?){} + 93",
      "    at 1   orders.kexe                         0x000000010c8c6a8b kfun:com.acme.orders.OrderService#load(kotlin.Int){}com.acme.orders.Order + 347 (/Users/dev/orders/src/nativeMain/kotlin/OrderService.kt:21:13)",
      "    at 2   orders.kexe                         0x000000010c8c6d4f Konan_start + 127",
      "    at 3   libdyld.dylib                       0x00007fff6b31fcc9 start + 1",
    ].join("\n");
    expect(parseNative(text)).toEqual([
      { module: "libdyld.dylib", function: "start" },
      { module: "orders.kexe", function: "Konan_start" },
      { module: "orders.kexe", function: "kfun:com.acme.orders.OrderService#load(kotlin.Int){}com.acme.orders.Order", filename: "/Users/dev/orders/src/nativeMain/kotlin/OrderService.kt", absPath: "/Users/dev/orders/src/nativeMain/kotlin/OrderService.kt", lineno: 21 },
      { module: "orders.kexe", function: "kfun:kotlin.Throwable#<init>(kotlin.String?){}" },
    ]);
  });

  it("reads ThreadSanitizer's frames, location before binary; the first access's stack only", () => {
    const text = [
      "WARNING: ThreadSanitizer: data race (pid=48213)",
      "  Write of size 8 at 0x7b0400000010 by thread T2:",
      "    #0 Counter::inc() /build/kvd/src/counter.cpp:12:11 (kvd+0x4b2a1)",
      "    #1 <null> <null> (libfoo.so+0x1f2e3)",
      "",
      "  Previous read of size 8 at 0x7b0400000010 by thread T1:",
      "    #0 Counter::value() const /build/kvd/src/counter.cpp:16:12 (kvd+0x4b2e9)",
    ].join("\n");
    expect(parseNative(text)).toEqual([
      { module: "libfoo.so" },
      { function: "Counter::inc()", module: "kvd", filename: "/build/kvd/src/counter.cpp", absPath: "/build/kvd/src/counter.cpp", lineno: 12 },
    ]);
  });
});
