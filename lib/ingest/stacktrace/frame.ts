import { z } from "zod";

export const MAX_VARS = 20;
export const MAX_VAR_NAME = 128;
export const MAX_VAR_VALUE = 256;
const HEX_ADDRESS = /^0x[0-9a-f]{1,16}$/i;

/** One stack frame, as parsed from a native stack trace or sent structured by a client. */
export const FrameSchema = z.object({
  function: z.string().max(1024).optional(),
  module: z.string().max(1024).optional(),
  filename: z.string().max(2048).optional(),
  absPath: z.string().max(4096).optional(),
  lineno: z.number().int().nonnegative().optional(),
  colno: z.number().int().nonnegative().optional(),
  /** Application code (true) or a library / runtime frame (false). Unknown when absent. */
  inApp: z.boolean().optional(),
  contextLine: z.string().max(4096).optional(),
  preContext: z.array(z.string().max(4096)).max(20).optional(),
  postContext: z.array(z.string().max(4096)).max(20).optional(),
  /** The frame's local variables or arguments as the SDK rendered them (scrubbed at ingest; never grouped on). */
  vars: z
    .record(z.string().max(MAX_VAR_NAME), z.string().max(MAX_VAR_VALUE))
    .refine((vars) => Object.keys(vars).length <= MAX_VARS, `at most ${MAX_VARS} variables per frame`)
    .optional(),
  /**
   * The platform a Sentry SDK gave the frame, which on a mixed stack differs from its event's
   * (React Native's Java and Cocoa frames in a JavaScript event, native frames in a Dart, Java or
   * Python one): it decides the language the frame is judged and keyed in.
   */
  platform: z.string().max(64).optional(),
  /** Unsymbolicated native code: the instruction's address ("0x…") and the start of the binary it lies in. */
  instructionAddr: z.string().regex(HEX_ADDRESS).optional(),
  imageAddr: z.string().regex(HEX_ADDRESS).optional(),
});

export type Frame = z.infer<typeof FrameSchema>;

/** "native": C, C++, Objective-C and Swift (gdb, lldb and Apple crash-report backtraces; Sentry's native and cocoa SDKs). */
export const LANGUAGES = ["javascript", "python", "java", "go", "ruby", "dotnet", "php", "rust", "elixir", "dart", "native", "lua", "perl", "ocaml", "haskell", "julia", "zig", "crystal", "nim", "unknown"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ParsedStack {
  language: Language;
  /** Frames ordered outermost call first, innermost (where the error was thrown) last. */
  frames: Frame[];
}
