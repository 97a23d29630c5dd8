/**
 * Payloads in the shapes sentry-unreal sends from a Windows game build, where it runs sentry-native
 * (on iOS and Android it runs sentry-cocoa and sentry-java: see sdk-cocoa.ts and sdk-java.ts).
 * Hand-written from reading the SDK source; game names, messages, paths and addresses are invented.
 *
 * Source files read (getsentry/sentry-unreal @ HEAD of Aug 2026; getsentry/sentry-native):
 *   plugin-dev/Source/Sentry/Private/SentrySubsystem.cpp — an `ensure()` that fails is captured as
 *     CaptureEnsure("Ensure failed", GErrorHist trimmed): Unreal's own ensure text.
 *   plugin-dev/Source/Sentry/Private/GenericPlatform/GenericPlatformSentrySubsystem.cpp —
 *     CaptureEnsure: an event with one exception (type "Ensure failed", the text as value, no
 *     mechanism), tag CrashType "Ensure", the capturing thread's stack set on the EVENT
 *     (sentry_value_set_stacktrace(event, NULL, 0): `stacktrace` at the top level, address-only
 *     frames); CaptureHang: "App Hanging" / "Application not responding", mechanism AppHang, the
 *     hung thread's addresses on the exception; OnCrash: tag CrashType (Crash, Assert,
 *     OutOfMemory, GPUCrash) added to sentry-native's crash event.
 *   (sentry-native) src/sentry_value.c sentry_value_new_stacktrace (frames: instruction_addr only,
 *     outermost first), src/backends/sentry_backend_inproc.c make_signal_event (Windows: type
 *     "EXCEPTION_ACCESS_VIOLATION", value "AccessViolation", level fatal, mechanism
 *     {type: "signalhandler", synthetic: true, handled: false, meta.signal}).
 */

const GAME = "C:\\Games\\Harbor\\Binaries\\Win64\\HarborGame-Win64-Shipping.exe";
const images = (base: bigint) => [
  { type: "pe", code_file: GAME, image_addr: `0x${base.toString(16)}`, image_size: 167772160, code_id: "65F2A1B3A000000", debug_id: "3a9f1c2e-7b4d-4e5f-9a8b-1c2d3e4f5a6b-1", debug_file: "HarborGame-Win64-Shipping.pdb" },
  { type: "pe", code_file: "C:\\Windows\\System32\\KERNEL32.DLL", image_addr: "0x7ffd4a2b0000", image_size: 786432, code_id: "1F2E3D4Cc0000", debug_id: "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9-1", debug_file: "kernel32.pdb" },
  { type: "pe", code_file: "C:\\Windows\\SYSTEM32\\ntdll.dll", image_addr: "0x7ffd4c1a0000", image_size: 2097152, code_id: "2A3B4C5D1f8000", debug_id: "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f90a-1", debug_file: "ntdll.pdb" },
];
/** Address-only frames, outermost first: ntdll and kernel32 start the thread, the rest is the game's. */
const frames = (base: bigint, gameOffsets: bigint[]) => [
  { instruction_addr: "0x7ffd4c1fa2b8" },
  { instruction_addr: "0x7ffd4a2c7374" },
  ...gameOffsets.map((offset) => ({ instruction_addr: `0x${(base + offset).toString(16)}` })),
];

const base = (eventId: string, imageBase: bigint) => ({
  event_id: eventId,
  timestamp: 1773489598.417,
  platform: "native",
  release: "harbor@1.4.0+CL-28811",
  environment: "Shipping",
  sdk: { name: "sentry.native", version: "0.10.1", packages: [{ name: "github:getsentry/sentry-native", version: "0.10.1" }] },
  contexts: { os: { name: "Windows", version: "10.0.22631", build: "22631" }, device: { arch: "x86_64", cpu_description: "AMD Ryzen 7 5800X" }, gpu: { name: "NVIDIA GeForce RTX 3070", vendor_name: "NVIDIA" } },
  user: { id: "steam:76561198000000001" },
  debug_meta: { images: images(imageBase) },
});

/** ensure(Ship != nullptr) failed in ADock::AssignBerth. */
export const unrealEnsureEvent = (eventId: string, imageBase: bigint, line = 42, condition = "Ship != nullptr") => ({
  ...base(eventId, imageBase),
  level: "error",
  tags: { CrashType: "Ensure" },
  exception: { values: [{ type: "Ensure failed", value: `Ensure condition failed: ${condition} [File:D:\\build\\Harbor\\Source\\Harbor\\Dock.cpp] [Line: ${line}]` }] },
  stacktrace: { frames: frames(imageBase, [0x1c2a10n, 0x9f3b44n, 0xa1020cn]) },
});

/** A hang of the game thread detected by the plugin. */
export const unrealHangEvent = {
  ...base("b1c2d3e4f5a64b7c8d9e0f1a2b3c4d5e", 0x7ff6a0000000n),
  level: "error",
  tags: { CrashType: "Hang" },
  exception: { values: [{ type: "App Hanging", value: "Application not responding", mechanism: { type: "AppHang" }, stacktrace: { frames: frames(0x7ff6a0000000n, [0x1c2a10n, 0x5e0f18n]) } }] },
};

/** A crash (inproc backend, access violation) with the CrashType tag OnCrash adds. */
export const unrealCrashEvent = {
  ...base("c2d3e4f5a6b74c8d9e0f1a2b3c4d5e6f", 0x7ff6a0000000n),
  level: "fatal",
  tags: { CrashType: "Crash" },
  exception: {
    values: [
      {
        type: "EXCEPTION_ACCESS_VIOLATION",
        value: "AccessViolation",
        mechanism: { type: "signalhandler", synthetic: true, handled: false, meta: { signal: { name: "EXCEPTION_ACCESS_VIOLATION", number: 3221225477 } } },
        stacktrace: { frames: frames(0x7ff6a0000000n, [0x1c2a10n, 0x7a3c50n]) },
      },
    ],
  },
};
