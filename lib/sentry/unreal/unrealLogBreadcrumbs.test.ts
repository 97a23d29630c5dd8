import { describe, expect, it } from "vitest";
import { unrealLogBreadcrumbs } from "@/lib/sentry/unreal/unrealLogBreadcrumbs";

describe("unrealLogBreadcrumbs", () => {
  it("turns the log's timestamped lines into breadcrumbs with category, level and UTC time", () => {
    const log = Buffer.from("\ufeffLog file open, 12/06/26 10:00:00\r\n[2026.12.06-10.00.01:250][  0]LogInit: Display: Engine started\r\n[2026.12.06-10.00.02:000][ 12]LogNet: Warning: Connection lost\r\ncontinued text\r\n[2026.12.06-10.00.03:500][ 40]LogTemp: Dock ready\r\n");
    expect(unrealLogBreadcrumbs(log)).toEqual([
      { timestamp: Date.UTC(2026, 11, 6, 10, 0, 1, 250) / 1000, category: "LogInit", level: "info", message: "Engine started" },
      { timestamp: Date.UTC(2026, 11, 6, 10, 0, 2) / 1000, category: "LogNet", level: "warning", message: "Connection lost" },
      { timestamp: Date.UTC(2026, 11, 6, 10, 0, 3, 500) / 1000, category: "LogTemp", level: "info", message: "Dock ready" },
    ]);
  });

  it("keeps the last 50 lines, and reads a UTF-16 log", () => {
    const lines = Array.from({ length: 80 }, (_, i) => `[2026.12.06-10.00.00:${String(i).padStart(3, "0")}][  0]LogTemp: Error: line ${i}`).join("\n");
    const crumbs = unrealLogBreadcrumbs(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, "utf16le")]));
    expect(crumbs).toHaveLength(50);
    expect(crumbs[0]).toMatchObject({ message: "line 30", level: "error" });
    expect(crumbs[49]).toMatchObject({ message: "line 79" });
  });
});
