import { describe, expect, it } from "vitest";
import { filePathSegmentReader, isTimestampDigits } from "@/lib/ingest/cardLookalikes";

describe("isTimestampDigits", () => {
  it("reads YYYYMMDDHHMMSS and YYYYMMDDHHMM dates and times", () => {
    for (const digits of ["20261207093000", "20261201100000", "19991231235959", "20240229120000", "202612070930"]) expect(isTimestampDigits(digits), digits).toBe(true);
  });

  it("rejects what no clock shows, other lengths and other centuries", () => {
    for (const digits of ["20261312093002", "20261232093000", "20250229120000", "20261207243000", "20261207096000", "20261207093060", "2026120709300", "202612070930001", "36141207093006", "18991207093000", "21001207093000", "20260007093000"]) {
      expect(isTimestampDigits(digits), digits).toBe(false);
    }
  });
});

describe("filePathSegmentReader", () => {
  const segment = (text: string, run: string) => {
    const start = text.indexOf(run);
    return filePathSegmentReader(text)(start, start + run.length);
  };
  const RUN = "4111111111111111";

  it("finds a whole segment of a path that leads to a file", () => {
    expect(segment(`at render (/var/www/releases/${RUN}/src/view.js:10:5)`, RUN)).toBe(true);
    expect(segment(`#2 /var/www/releases/${RUN}/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): x`, RUN)).toBe(true);
    expect(segment(`File "/srv/app/releases/${RUN}/shop/views.py", line 3`, RUN)).toBe(true);
    expect(segment(`at Shop.Run() in C:\\deploy\\${RUN}\\src\\Run.cs:line 4`, RUN)).toBe(true);
  });

  it("does not take a URL's path, a path that names no file, or a run that is not a whole segment", () => {
    expect(segment(`GET https://shop.example/cards/${RUN}/receipt.pdf failed`, RUN)).toBe(false);
    expect(segment(`POST /v1/cards/${RUN}/capture failed`, RUN)).toBe(false);
    expect(segment(`/v1/cards/${RUN} failed in /app/x.js`, RUN)).toBe(false);
    expect(segment(`/cards/${RUN}/ then a.js`, RUN)).toBe(false);
    expect(segment(`card ${RUN}/x.js`, RUN)).toBe(false);
  });
});
