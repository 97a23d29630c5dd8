import { describe, expect, it } from "vitest";
import { gdbCrashedThread } from "@/lib/ingest/stacktrace/gdbThreads";
import { parseNative } from "@/lib/ingest/stacktrace/parseNative";

const thread = (n: number, frames: string[]) => [`Thread ${n} (Thread 0x7f3a2effd64${n} (LWP 4821${n}) "kvd"):`, ...frames.map((f, i) => `#${i}  ${f}`), ""];
const idle = (n: number) => thread(n, [`0x00007f3a31e98d7f in __GI___poll (fds=0x7f3a2effc9a0, nfds=1, timeout=-1) at ../sysdeps/unix/sysv/linux/poll.c:29`, `0x000055d0c2a41b2e in net::EventLoop::run (this=0x55d0c3f1a2b0) at src/net/event_loop.cpp:11${n}`]);
const functions = (text: string) => parseNative(text)?.map((f) => f.function);

describe("gdb's thread apply all bt", () => {
  it("reads the thread that went through abort, wherever it is printed", () => {
    const text = [
      ...idle(3),
      ...thread(2, [
        "__pthread_kill_implementation (no_tid=0, signo=6, threadid=139888163157568) at ./nptl/pthread_kill.c:44",
        "0x00007f3a31e42476 in __GI_raise (sig=sig@entry=6) at ../sysdeps/posix/raise.c:26",
        "0x00007f3a31e287f3 in __GI_abort () at ./stdlib/abort.c:79",
        "0x000055d0c2a3c2a9 in cache::Lru::touch (this=0x55d0c3f1a700, slot=4096) at src/cache/lru.cpp:57",
      ]),
      ...idle(1),
    ].join("\n");
    expect(functions(text)).toEqual(["cache::Lru::touch", "__GI_abort", "__GI_raise", "__pthread_kill_implementation"]);
  });

  it("reads the thread gdb names as current or as the one that received the signal, over any other", () => {
    const crashed = thread(3, ["0x000055d0c2a3f912 in storage::Segment::append (this=0x0, rec=...) at src/storage/segment.cpp:48"]);
    const aborting = thread(2, ["0x00007f3a31e287f3 in __GI_abort () at ./stdlib/abort.c:79"]);
    const core = ["Program terminated with signal SIGSEGV, Segmentation fault.", "[Current thread is 3 (Thread 0x7f3a2f7fe640 (LWP 48212))]", ...aborting, ...crashed, ...idle(1)];
    expect(functions(core.join("\n"))).toEqual(["storage::Segment::append"]);
    const live = ['Thread 3 "kvd" received signal SIGSEGV, Segmentation fault.', ...idle(4), ...crashed, ...idle(1)];
    expect(functions(live.join("\n"))).toEqual(["storage::Segment::append"]);
  });

  it("reads the frames below a signal handler: those above it are the handler's own", () => {
    const text = [
      ...idle(3),
      ...thread(2, [
        "0x000055f1e6e48c11 in crash::writeMinidump (signo=11) at src/crash/handler.cpp:52",
        "0x000055f1e6e48d3a in crash::onSignal (signo=11, info=0x7f80c27fabf0, context=0x7f80c27faac0) at src/crash/handler.cpp:71",
        "<signal handler called>",
        "0x000055f1e6e3f912 in storage::Segment::append (this=0x0, rec=...) at src/storage/segment.cpp:50",
        "0x000055f1e6e3f7f0 in storage::Flusher::flushOne (this=0x55f1e8a1a480, batch=...) at src/storage/flusher.cpp:95",
      ]),
      ...idle(1),
    ].join("\n");
    expect(functions(text)).toEqual(["storage::Flusher::flushOne", "storage::Segment::append"]);
  });

  it("without a marked thread reads thread 1, else the first printed", () => {
    const main = thread(1, ["0x000055d0c2a39b12 in config::Parser::value (this=0x7ffe4c1d2b00, key=\"listen\") at src/config/parser.cpp:140"]);
    expect(functions([...idle(3), ...idle(2), ...main].join("\n"))).toEqual(["config::Parser::value"]);
    expect(gdbCrashedThread([...idle(5), ...idle(4)])).toBe(0);
    expect(gdbCrashedThread(["#0  0x000055d0c2a3f912 in f () at a.c:3"])).toBe(-1);
  });

  it("reads headers of older gdb and of cores without thread support", () => {
    const lines = ["Thread 2 (LWP 12346):", "#0  0x00007f3a31e98d7f in poll () from /lib64/libc.so.6", "Thread 1 (Thread 0x7ffff7d8a740 (LWP 12345)):", "#0  0x0000000000401136 in main () at main.c:5"];
    expect(gdbCrashedThread(lines)).toBe(2);
  });
});
