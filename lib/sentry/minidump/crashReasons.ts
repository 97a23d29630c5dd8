/**
 * A minidump exception code as engineers know it. The code's meaning depends on the OS that wrote
 * the dump: POSIX signal numbers (Breakpad/Crashpad on Linux and Android), Mach exception types
 * (Crashpad on macOS/iOS), NTSTATUS codes (Windows).
 */
export function crashReasonOf(code: number, os: string | undefined, firstInformation: bigint | undefined): string {
  if (code === 0xffffffff) return "DUMP_REQUESTED";
  if (os === "macOS" || os === "iOS") return MACH[code] ?? hexCode(code);
  if (os === "Windows" || code >= 0x40000000) {
    if (code === 0xc0000005) return `EXCEPTION_ACCESS_VIOLATION_${ACCESS[Number(firstInformation ?? -1n)] ?? "UNKNOWN"}`;
    return WINDOWS[code] ?? hexCode(code);
  }
  return SIGNALS[code] ?? hexCode(code);
}

function hexCode(code: number): string {
  return `0x${code.toString(16).padStart(8, "0")}`;
}

const SIGNALS: Record<number, string> = {
  1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL",
  10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM", 16: "SIGSTKFLT", 31: "SIGSYS",
};

const MACH: Record<number, string> = {
  1: "EXC_BAD_ACCESS", 2: "EXC_BAD_INSTRUCTION", 3: "EXC_ARITHMETIC", 4: "EXC_EMULATION", 5: "EXC_SOFTWARE", 6: "EXC_BREAKPOINT",
  7: "EXC_SYSCALL", 8: "EXC_MACH_SYSCALL", 9: "EXC_RPC_ALERT", 10: "EXC_CRASH", 11: "EXC_RESOURCE", 12: "EXC_GUARD", 13: "EXC_CORPSE_NOTIFY",
};

const ACCESS: Record<number, string> = { 0: "READ", 1: "WRITE", 8: "EXEC" };

const WINDOWS: Record<number, string> = {
  0x80000003: "EXCEPTION_BREAKPOINT",
  0x80000004: "EXCEPTION_SINGLE_STEP",
  0xc0000006: "EXCEPTION_IN_PAGE_ERROR",
  0xc000001d: "EXCEPTION_ILLEGAL_INSTRUCTION",
  0xc0000025: "EXCEPTION_NONCONTINUABLE_EXCEPTION",
  0xc000008c: "EXCEPTION_ARRAY_BOUNDS_EXCEEDED",
  0xc000008e: "EXCEPTION_FLT_DIVIDE_BY_ZERO",
  0xc0000094: "EXCEPTION_INT_DIVIDE_BY_ZERO",
  0xc0000095: "EXCEPTION_INT_OVERFLOW",
  0xc0000096: "EXCEPTION_PRIV_INSTRUCTION",
  0xc00000fd: "EXCEPTION_STACK_OVERFLOW",
  0xc0000135: "STATUS_DLL_NOT_FOUND",
  0xc0000142: "STATUS_DLL_INIT_FAILED",
  0xc0000374: "STATUS_HEAP_CORRUPTION",
  0xc0000409: "STATUS_STACK_BUFFER_OVERRUN",
  0xc0000602: "STATUS_FAIL_FAST_EXCEPTION",
  0xe06d7363: "CPP_EXCEPTION",
};
