import { describe, expect, it } from "vitest";
import { readSchemaModels } from "@/lib/db/__fixtures__/schemaModels";
import { CASCADED_TABLES, GROUP_ROW_TABLES, PENDING_ACTOR_TABLE, PROJECT_LIST_TABLES, PROJECT_ROW_TABLES } from "@/lib/projects/deletion/projectRowTables";

const models = readSchemaModels();
const listed = new Set([...GROUP_ROW_TABLES.map((t) => t.table), ...PROJECT_ROW_TABLES.map((t) => t.table), PENDING_ACTOR_TABLE, ...CASCADED_TABLES]);

describe("the tables a project's deletion walks", () => {
  it("read the schema (the parser found the models it must check)", () => {
    expect(models.find((m) => m.name === "ErrorHourly")?.fields.has("projectId")).toBe(true);
    expect(models.find((m) => m.name === "IngestKey")?.cascadesFrom.has("Project")).toBe(true);
  });

  it("include every table with a projectId column", () => {
    const missing = models.filter((m) => m.fields.has("projectId") && !listed.has(m.name)).map((m) => m.name);
    expect(missing).toEqual([]);
  });

  it("include every table keyed by an issue without a cascading foreign key to it", () => {
    const missing = models
      .filter((m) => (m.fields.has("groupId") || m.fields.has("parentGroupId")) && !m.fields.has("projectId") && !m.cascadesFrom.has("ErrorGroup") && !listed.has(m.name))
      .map((m) => m.name);
    expect(missing).toEqual([]);
  });

  it("say rightly which of them a foreign key cascades into (those without one would be left behind)", () => {
    const wrong = [...GROUP_ROW_TABLES, ...PROJECT_ROW_TABLES]
      .filter(({ table, cascades }) => {
        const model = models.find((m) => m.name === table);
        const cascaded = model !== undefined && ["Project", "ErrorGroup", "ForwardingRule"].some((parent) => model.cascadesFrom.has(parent));
        return model === undefined || cascaded !== cascades;
      })
      .map((t) => t.table);
    expect(wrong).toEqual([]);
    const notCascaded = CASCADED_TABLES.filter((table) => {
      const model = models.find((m) => m.name === table);
      return !model || !["Project", "ErrorGroup", "CronMonitor"].some((parent) => model.cascadesFrom.has(parent));
    });
    expect(notCascaded).toEqual([]);
  });

  it("take the project out of every projectIds list", () => {
    expect(models.filter((m) => m.fields.has("projectIds")).map((m) => m.name).sort()).toEqual([...PROJECT_LIST_TABLES].sort());
  });
});
