import { DART_LIBRARY } from "@/lib/ingest/stacktrace/dartLibrary";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { innermostFirstLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";
import { matchingOpenParen } from "@/lib/ingest/stacktrace/parens";

/**
 * Dart VM and Flutter StackTrace.toString(), innermost first:
 *   #0      UserRepository.load (package:my_app/data/user_repository.dart:42:7)
 *   #1      _HomePageState.build.<anonymous closure> (package:my_app/ui/home.dart:18:5)
 *   <asynchronous suspension>
 *   #2      _rootRun (dart:async/zone.dart:1399)
 *   #3      main (file:///home/alice/app/bin/main.dart:10:3)
 * Frames are numbered from 0 again after an asynchronous gap in some versions; all are kept.
 */
export function parseDart(text: string): Frame[] | null {
  return innermostFirstLines(text, parseFrameLine);
}

/** "#12     name (" — the number and the padding Dart prints before the member. */
const HEAD = /^#\d{1,4}\s+/;
/** Dart locations are URIs: package:, dart:, file://, http(s)://, org-dartlang-…: */
const DART_URI = /^(?:package:|dart:|file:\/\/|https?:\/\/|org-dartlang-[\w-]+:)/;

function parseFrameLine(line: string): Frame | null {
  const head = HEAD.exec(line);
  if (!head) return null;
  const open = matchingOpenParen(line);
  if (open <= head[0].length || line[open - 1] !== " ") return null;
  const location = line.slice(open + 1, -1);
  if (!DART_URI.test(location)) return null;
  const name = line.slice(head[0].length, open - 1).trim();
  if (!name || /\s/.test(name.replace(/<anonymous closure>|<asynchronous suspension>/g, ""))) return null;
  const where = splitLocation(location, false);
  const path = where?.path ?? location;
  return {
    function: name,
    ...pathFields(path),
    ...(where?.lineno !== undefined ? { lineno: where.lineno } : {}),
    ...(where?.colno !== undefined ? { colno: where.colno } : {}),
    ...(isDartLibrary(path) ? { inApp: false } : {}),
  };
}

/** The SDK (dart:), Flutter's own and common packages; other packages may be the app's. */
function isDartLibrary(path: string): boolean {
  return DART_LIBRARY.test(path);
}
