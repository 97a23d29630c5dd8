/**
 * A crash as sentry-native's inproc backend sends it from a Linux build of `harbor` (shape read from
 * its serializer; written for Faultline): frames with only an instruction address, the loaded
 * binaries in debug_meta.images. `base` is where harbor was loaded (ASLR moves it per run).
 */
export function nativeCrashEvent(eventId: string, base = 0x55d0c1a00000n) {
  const at = (offset: number) => `0x${(base + BigInt(offset)).toString(16)}`;
  return {
    event_id: eventId,
    timestamp: Date.now() / 1000,
    platform: "native",
    level: "fatal",
    release: "harbor@2.0.0",
    sdk: { name: "sentry.native", version: "0.7.20" },
    exception: {
      values: [
        {
          type: "SIGSEGV",
          value: "Segfault",
          mechanism: { type: "signalhandler", synthetic: true, handled: false, meta: { signal: { name: "SIGSEGV", number: 11 } } },
          stacktrace: {
            frames: [
              { instruction_addr: "0x7f3c8b029d90" },
              // main, return address one past its call
              { instruction_addr: at(0x1ab5) },
              // Dock::Berth, in the vector's operator[] inlined there: where it crashed
              { instruction_addr: at(0x1a55) },
            ],
          },
        },
      ],
    },
    debug_meta: {
      images: [
        { type: "elf", code_file: "/opt/harbor/bin/harbor", debug_id: "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3", code_id: "680e5a3ebed46f8e2f011bf9c5c8f5b3b1d2e3f4", image_addr: at(0), image_size: 0x10000 },
        { type: "elf", code_file: "/usr/lib/x86_64-linux-gnu/libc.so.6", debug_id: "c0bcc3f1-9827-fe65-3058-404b2831d9e6", image_addr: "0x7f3c8b000000", image_size: 0x200000 },
      ],
    },
  };
}
