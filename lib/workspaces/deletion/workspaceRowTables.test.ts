import { describe, expect, it } from "vitest";
import { readSchemaModels } from "@/lib/db/__fixtures__/schemaModels";
import { CASCADED_TABLES, GROUP_ROW_TABLES } from "@/lib/projects/deletion/projectRowTables";
import { WORKSPACE_CASCADED_TABLES, WORKSPACE_ROW_TABLES } from "@/lib/workspaces/deletion/workspaceRowTables";

const models = readSchemaModels();
const workspaceListed = new Set([...WORKSPACE_ROW_TABLES.map((t) => t.table), ...WORKSPACE_CASCADED_TABLES]);
/** Tables keyed by an issue, which each project's deletion walks per batch of its issues. */
const issueKeyed = new Set([...GROUP_ROW_TABLES.map((t) => t.table), ...CASCADED_TABLES]);

/** Rows that always belong to one project (a required projectId), or the projects themselves: each goes with its project's deletion. */
const ofOneProject = (m: { name: string; fields: Set<string>; optional: Set<string> }) => m.name === "Project" || (m.fields.has("projectId") && !m.optional.has("projectId"));

describe("the tables a workspace's deletion walks", () => {
  it("read the schema (the parser found the models it must check)", () => {
    expect(models.find((m) => m.name === "SavedSearch")?.fields.has("workspaceId")).toBe(true);
    expect(models.find((m) => m.name === "Alert")?.optional.has("projectId")).toBe(true);
    expect(models.find((m) => m.name === "ErrorGroup")?.optional.has("projectId")).toBe(false);
    expect(models.find((m) => m.name === "Membership")?.cascadesFrom.has("Workspace")).toBe(true);
  });

  it("include every table with a workspaceId column that is not one project's or one issue's", () => {
    const missing = models.filter((m) => m.fields.has("workspaceId") && !ofOneProject(m) && !issueKeyed.has(m.name) && !workspaceListed.has(m.name)).map((m) => m.name);
    expect(missing).toEqual([]);
  });

  it("include every table a foreign key to Workspace cascades into, but for the projects' own (deleted with each project, in batches)", () => {
    const missing = models.filter((m) => m.cascadesFrom.has("Workspace") && !ofOneProject(m) && !workspaceListed.has(m.name)).map((m) => m.name);
    expect(missing).toEqual([]);
  });

  it("say rightly which of them a foreign key cascades into (the others are swept as orphans by the retention job)", () => {
    const wrong = WORKSPACE_ROW_TABLES.filter(({ table, cascades }) => {
      const model = models.find((m) => m.name === table);
      return !model?.fields.has("workspaceId") || model.cascadesFrom.has("Workspace") !== cascades;
    }).map((t) => t.table);
    expect(wrong).toEqual([]);
    const notCascaded = WORKSPACE_CASCADED_TABLES.filter((table) => {
      const model = models.find((m) => m.name === table);
      return !model || !["Workspace", "Team"].some((parent) => model.cascadesFrom.has(parent));
    });
    expect(notCascaded).toEqual([]);
  });

  it("list each table once", () => {
    const all = [...WORKSPACE_ROW_TABLES.map((t) => t.table), ...WORKSPACE_CASCADED_TABLES];
    expect(all.length).toBe(new Set(all).size);
  });
});
