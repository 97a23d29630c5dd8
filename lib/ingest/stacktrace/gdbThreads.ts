/**
 * gdb's `thread apply all bt` prints every thread's backtrace under a header, highest thread number
 * first (the one that crashed is anywhere among them):
 *   Thread 3 (Thread 0x7ffff6ffd640 (LWP 12347) "worker"):
 *   #0  0x00007ffff7a98d7f in __GI___poll (fds=0x7ffff6ffc9a0, nfds=1, timeout=-1) at ../sysdeps/unix/sysv/linux/poll.c:29
 *   …
 *   Thread 1 (Thread 0x7ffff7d8a740 (LWP 12345)):
 *   #0  __pthread_kill_implementation (no_tid=0, signo=6, threadid=…) at ./nptl/pthread_kill.c:44
 *   …
 * (older gdb without the thread's name; "Thread 2 (LWP 12346):" for a core without thread support).
 * The thread read is the one gdb says got the signal ("[Current thread is 2 (…)]" when a core is
 * loaded, `Thread 2 "worker" received signal SIGSEGV` when it stops a live process), else the first
 * printed whose stack went through a signal handler ("<signal handler called>") or abort, raise or
 * assert, else thread 1, else the first printed.
 */
const THREAD_HEADER = /^Thread (\d{1,6}) \(.{1,512}\):$/;
const CURRENT_THREAD = /^\[Current thread is (\d{1,6}) \(/;
const RECEIVED_SIGNAL = /^Thread (\d{1,6})(?: "[^"\n]{0,256}")? received signal SIG[A-Z0-9]{1,12}\b/;
/** A frame line of gdb's: "#4  <signal handler called>", "#3  0x… in __GI_raise (sig=…)", "#0  __pthread_kill_implementation (…)". */
const SIGNAL_FRAME = /^#\d{1,4}\s+<signal handler called>$/;
const FRAME_FUNCTION = /^#\d{1,4}\s+(?:0x[0-9a-f]{1,16} in )?(\S{1,256}) \(/;
const CRASH_FUNCTION =
  /^(?:__GI_raise|raise|gsignal|__GI_abort|abort|__pthread_kill_implementation|__pthread_kill_internal|__GI___pthread_kill|pthread_kill|__assert_fail|__assert_fail_base|__GI___assert_fail|__assert_perror_fail|__libc_message|__libc_fatal|malloc_printerr|__fortify_fail|__stack_chk_fail|__chk_fail|std::terminate|__cxa_throw|__cxa_rethrow)$/;

/** The index of the header of the thread to read, or -1 when `lines` holds no gdb thread headers. */
export function gdbCrashedThread(lines: readonly string[]): number {
  const headers: { index: number; thread: string }[] = [];
  let named: string | undefined;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line.startsWith("Thread ") && !line.startsWith("[Current thread")) continue;
    const header = THREAD_HEADER.exec(line);
    if (header) headers.push({ index, thread: header[1] });
    else named ??= (CURRENT_THREAD.exec(line) ?? RECEIVED_SIGNAL.exec(line))?.[1];
  }
  if (headers.length === 0) return -1;
  const byNumber = (thread: string | undefined) => headers.find((h) => h.thread === thread)?.index;
  const crashed = headers.find((h, i) => hasCrashFrame(lines.slice(h.index + 1, headers[i + 1]?.index ?? lines.length)));
  return byNumber(named) ?? crashed?.index ?? byNumber("1") ?? headers[0].index;
}

function hasCrashFrame(block: readonly string[]): boolean {
  return block.some((raw) => {
    const line = raw.trim();
    if (!line.startsWith("#")) return false;
    if (SIGNAL_FRAME.test(line)) return true;
    const fn = FRAME_FUNCTION.exec(line)?.[1];
    return fn !== undefined && CRASH_FUNCTION.test(fn);
  });
}
