// npm run bench:proguard — what a large app's ProGuard / R8 mapping costs an instance: indexing it
// (the first event naming its UUID waits for this), the memory it holds, and retracing frames —
// cold (each class's members read the first time a frame names it) and warm (a working set). A synthetic mapping in
// R8's format: PROGUARD_CLASSES classes (default 20,000) of 12 methods, each with line ranges and
// one inlined call. Pure computation, no app or database needed.
import { ProguardMapping } from "@/lib/proguard/proguardMapping";
import { retraceFrames } from "@/lib/proguard/retraceFrames";
import type { Frame } from "@/lib/ingest/stacktrace/frame";

const CLASSES = Number(process.env.PROGUARD_CLASSES ?? 20_000);
const METHODS = 12;
const FRAMES = 20_000;

function obfuscatedName(i: number): string {
  let name = "";
  for (let n = i; ; n = Math.floor(n / 26) - 1) {
    name = String.fromCharCode(97 + (n % 26)) + name;
    if (n < 26) break;
  }
  return `a.${name}`;
}

function mappingText(): string {
  const lines: string[] = ["# compiler: R8", "# compiler_version: 8.1.56"];
  for (let c = 0; c < CLASSES; c++) {
    const original = `com.example.app.feature${c % 50}.Class${c}`;
    lines.push(`${original} -> ${obfuscatedName(c)}:`, `# {"id":"sourceFile","fileName":"Class${c}.kt"}`, "    java.lang.String name -> a", "    int count -> b");
    for (let m = 0; m < METHODS; m++) {
      const start = m * 10 + 1;
      lines.push(`    ${start}:${start + 4}:void method${m}(java.lang.String,int):${100 + m * 20}:${104 + m * 20} -> ${String.fromCharCode(97 + m)}`);
      lines.push(`    ${start + 5}:${start + 5}:int com.example.app.util.Helpers.inlined${m}():${10 + m}:${10 + m} -> ${String.fromCharCode(97 + m)}`);
      lines.push(`    ${start + 5}:${start + 5}:void method${m}(java.lang.String,int):${105 + m * 20} -> ${String.fromCharCode(97 + m)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const text = mappingText();
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
const mapping = new ProguardMapping(text);
const indexMs = performance.now() - started;
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
console.log(`mapping: ${CLASSES.toLocaleString("en")} classes, ${mib(Buffer.byteLength(text))} MiB of text`);
console.log(`index: ${indexMs.toFixed(0)} ms; heap held beside the text: ${global.gc ? `${mib(heapAfter - heapBefore)} MiB` : "(run with --expose-gc)"}`);

let seed = 7;
const random = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const frames: Frame[] = Array.from({ length: FRAMES }, () => {
  const m = random(METHODS);
  return { module: obfuscatedName(random(CLASSES)), function: String.fromCharCode(97 + m), filename: "SourceFile", lineno: m * 10 + 1 + random(6) };
});
// Traces repeat: a working set of 1,000 frames' classes, each seen 20 times.
const repeated = Array.from({ length: 20 }, () => frames.slice(0, 1_000)).flat();
for (const [label, list] of [
  ["cold (each class read on first use)", frames],
  ["warm (1,000 frames' classes again and again)", repeated],
] as const) {
  started = performance.now();
  const out = retraceFrames(list, [mapping]);
  const ms = performance.now() - started;
  console.log(`retrace ${label}: ${list.length.toLocaleString("en")} frames → ${out.length.toLocaleString("en")} in ${ms.toFixed(0)} ms (${((ms * 1000) / list.length).toFixed(1)} µs per frame)`);
}
