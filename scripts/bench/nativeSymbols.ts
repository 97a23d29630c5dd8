// npm run bench:symbols — what a large native binary's Breakpad symbol file costs an instance:
// indexing it (the first event naming its debug ID waits for this), the heap it holds, and looking up
// addresses (each frame of a native event is one lookup). A synthetic .sym as dump_syms writes it:
// SYMBOL_FUNCTIONS functions (default 200,000) of 8 line records each, one in four with an inlined
// call, plus PUBLIC symbols and STACK CFI records. Pure computation, no app or database needed.
import { BreakpadSymbols } from "@/lib/native/breakpadSymbols";

const FUNCTIONS = Number(process.env.SYMBOL_FUNCTIONS ?? 200_000);
const LINES = 8;
const LOOKUPS = 200_000;

function symbolText(): string {
  const lines: string[] = ["MODULE Linux x86_64 3E5A0E68D4BE8E6F2F011BF9C5C8F5B30 bench", "INFO CODE_ID 680E5A3EBED46F8E2F011BF9C5C8F5B3B1D2E3F4"];
  for (let f = 0; f < 2_000; f++) lines.push(`FILE ${f} /src/bench/module${f % 40}/file${f}.cc`);
  for (let o = 0; o < 1_000; o++) lines.push(`INLINE_ORIGIN ${o} bench::detail::helper${o}(int, std::string const&)`);
  for (let f = 0; f < FUNCTIONS; f++) {
    const address = 0x1000 + f * 0x100;
    lines.push(`FUNC ${address.toString(16)} 100 0 bench::module${f % 40}::Class${f % 997}::method${f}(int, char const*)`);
    if (f % 4 === 0) lines.push(`INLINE 0 ${20 + (f % 50)} ${f % 2_000} ${f % 1_000} ${(address + 0x40).toString(16)} 20`);
    for (let l = 0; l < LINES; l++) lines.push(`${(address + l * 0x20).toString(16)} 20 ${10 + l} ${f % 2_000}`);
    lines.push(`STACK CFI INIT ${address.toString(16)} 100 .cfa: $rsp 8 + .ra: .cfa -8 + ^`);
  }
  for (let p = 0; p < 10_000; p++) lines.push(`PUBLIC ${(0x1000 + FUNCTIONS * 0x100 + p * 0x10).toString(16)} 0 public_symbol_${p}`);
  return `${lines.join("\n")}\n`;
}

const text = symbolText();
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
const symbols = new BreakpadSymbols(text);
const indexMs = performance.now() - started;
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
console.log(`symbol file: ${FUNCTIONS.toLocaleString("en")} functions, ${mib(Buffer.byteLength(text))} MiB of text`);
console.log(`index: ${indexMs.toFixed(0)} ms; heap held: ${global.gc ? `${mib(heapAfter - heapBefore)} MiB` : "(run with --expose-gc)"}`);

let seed = 11;
const random = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const offsets = Array.from({ length: LOOKUPS }, () => 0x1000 + random(FUNCTIONS) * 0x100 + random(0x100));
started = performance.now();
let frames = 0;
for (const offset of offsets) frames += symbols.lookup(offset)?.length ?? 0;
const lookupMs = performance.now() - started;
console.log(`lookups: ${LOOKUPS.toLocaleString("en")} addresses → ${frames.toLocaleString("en")} frames in ${lookupMs.toFixed(0)} ms (${((lookupMs * 1000) / LOOKUPS).toFixed(2)} µs per address)`);
