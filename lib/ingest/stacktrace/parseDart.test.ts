import { describe, expect, it } from "vitest";
import { parseDart } from "@/lib/ingest/stacktrace/parseDart";

describe("parseDart", () => {
  it("reads Dart VM / Flutter frames, outermost first, SDK and Flutter frames as library", () => {
    const frames = parseDart(`#0      UserRepository.load (package:my_app/data/user_repository.dart:42:7)
#1      _HomePageState.build.<anonymous closure> (package:my_app/ui/home.dart:18)
<asynchronous suspension>
#2      State.setState (package:flutter/src/widgets/framework.dart:1203:30)
#3      _rootRun (dart:async/zone.dart:1399:47)
#4      main (file:///home/alice/app/bin/main.dart:10:3)`);
    expect(frames).toEqual([
      { function: "main", filename: "file:///home/alice/app/bin/main.dart", absPath: "file:///home/alice/app/bin/main.dart", lineno: 10, colno: 3 },
      { function: "_rootRun", filename: "dart:async/zone.dart", lineno: 1399, colno: 47, inApp: false },
      { function: "State.setState", filename: "package:flutter/src/widgets/framework.dart", lineno: 1203, colno: 30, inApp: false },
      { function: "_HomePageState.build.<anonymous closure>", filename: "package:my_app/ui/home.dart", lineno: 18 },
      { function: "UserRepository.load", filename: "package:my_app/data/user_repository.dart", lineno: 42, colno: 7 },
    ]);
  });

  it("leaves PHP's and gdb's numbered frames alone", () => {
    expect(parseDart("#0 /var/www/app/src/A.php(12): App\\A->b(Object(App\\C))\n#1 {main}")).toBeNull();
    expect(parseDart("#1  0x00007ffff7a4402a in abort () at abort.c:89")).toBeNull();
  });
});
