/**
 * What the engine wrote into a crash report's CrashContext.runtime-xml: four flat sections of
 * `<Name>text</Name>` elements — RuntimeProperties (CrashGUID, CrashType, ErrorMessage, CallStack,
 * GameName, EngineVersion, Misc.CPUBrand, MemoryStats.TotalPhysical…), PlatformProperties,
 * EngineData and GameData (key/value pairs the game set; sentry-unreal keeps its scope there as
 * JSON under `__sentry`).
 */
export interface UnrealContext {
  runtime: Map<string, string>;
  platform: Map<string, string>;
  engine: Map<string, string>;
  game: Map<string, string>;
}

/** Elements read per section, and characters kept per value (a CallStack or module list is the longest). */
const MAX_ELEMENTS = 500;
const MAX_VALUE = 64 * 1024;

/**
 * Reads the context file. Tolerant and linear: a section or element that is missing or never closed
 * ends what is read of it (no backtracking over a hostile file); XML entities and CDATA are decoded.
 */
export function readUnrealContext(xml: string): UnrealContext {
  return {
    runtime: sectionOf(xml, "RuntimeProperties"),
    platform: sectionOf(xml, "PlatformProperties"),
    engine: sectionOf(xml, "EngineData"),
    game: sectionOf(xml, "GameData"),
  };
}

function sectionOf(xml: string, section: string): Map<string, string> {
  const values = new Map<string, string>();
  const open = xml.indexOf(`<${section}>`);
  if (open === -1) return values;
  const start = open + section.length + 2;
  const closing = xml.indexOf(`</${section}>`, start);
  const body = xml.slice(start, closing === -1 ? xml.length : closing);
  let pos = 0;
  while (values.size < MAX_ELEMENTS) {
    const lt = body.indexOf("<", pos);
    if (lt === -1) break;
    const gt = body.indexOf(">", lt);
    if (gt === -1) break;
    const tag = body.slice(lt + 1, gt);
    if (/^[/?!]/.test(tag)) {
      pos = gt + 1;
      continue;
    }
    const name = /^[^\s/>]+/.exec(tag)?.[0];
    if (!name) break;
    if (tag.endsWith("/")) {
      values.set(name, "");
      pos = gt + 1;
      continue;
    }
    const close = body.indexOf(`</${name}>`, gt + 1);
    if (close === -1) break;
    values.set(name, decodeText(body.slice(gt + 1, close)).slice(0, MAX_VALUE));
    pos = close + name.length + 3;
  }
  return values;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeText(raw: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(raw);
  if (cdata) return cdata[1];
  return raw.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (whole, entity: string) => {
    if (entity[0] !== "#") return ENTITIES[entity.toLowerCase()] ?? whole;
    const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
  });
}
