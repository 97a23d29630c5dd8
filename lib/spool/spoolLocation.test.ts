import { describe, expect, it } from "vitest";
import { spoolLocation } from "@/lib/spool/spoolLocation";

describe("spoolLocation", () => {
  it("puts the embedded database's spool next to its data directory, and reads the earlier default folder once", () => {
    expect(spoolLocation({ FAULTLINE_EMBEDDED_DATABASE: "1", FAULTLINE_DATA_DIR: "/srv/app/.faultline/pgdata" }, "/srv/app")).toEqual({
      dir: "/srv/app/.faultline/pgdata-spool",
      earlierDir: "/srv/app/.faultline/spool",
    });
    // Two instances from one checkout on two data directories: a spool each.
    const a = spoolLocation({ FAULTLINE_EMBEDDED_DATABASE: "1", FAULTLINE_DATA_DIR: "runs/a" }, "/srv/app");
    const b = spoolLocation({ FAULTLINE_EMBEDDED_DATABASE: "1", FAULTLINE_DATA_DIR: "runs/b" }, "/srv/app");
    expect(a.dir).toBe("/srv/app/runs/a-spool");
    expect(b.dir).toBe("/srv/app/runs/b-spool");
  });

  it("takes FAULTLINE_SPOOL_DIR as it is (relative to the working directory), with nothing earlier to read", () => {
    expect(spoolLocation({ FAULTLINE_SPOOL_DIR: " /var/lib/faultline/spool ", FAULTLINE_EMBEDDED_DATABASE: "1", FAULTLINE_DATA_DIR: "/d" }, "/srv/app")).toEqual({
      dir: "/var/lib/faultline/spool",
      earlierDir: null,
    });
    expect(spoolLocation({ FAULTLINE_SPOOL_DIR: "spool" }, "/srv/app").dir).toBe("/srv/app/spool");
  });

  it("keeps .faultline/spool in the working directory for a database of its own (DATABASE_URL), FAULTLINE_DATA_DIR or not", () => {
    expect(spoolLocation({}, "/srv/app")).toEqual({ dir: "/srv/app/.faultline/spool", earlierDir: null });
    expect(spoolLocation({ FAULTLINE_DATA_DIR: "/var/lib/postgresql/data" }, "/srv/app")).toEqual({ dir: "/srv/app/.faultline/spool", earlierDir: null });
  });
});
