import fs from "node:fs";
import path from "node:path";

/** A model of prisma/schema.prisma as the deletion tests check it. */
export interface SchemaModel {
  name: string;
  fields: Set<string>;
  /** Fields whose type is optional (`String?`): a nullable column. */
  optional: Set<string>;
  /** Models a relation of this one cascades from (onDelete: Cascade). */
  cascadesFrom: Set<string>;
}

/**
 * The models of prisma/schema.prisma with their field names, which of them are optional and the
 * models they cascade from — for the tests that check the tables a project's or a workspace's
 * deletion walks (lib/projects/deletion/projectRowTables.test.ts, lib/workspaces/deletion/workspaceRowTables.test.ts).
 */
export function readSchemaModels(): SchemaModel[] {
  const schema = fs.readFileSync(path.resolve(import.meta.dirname, "../../../prisma/schema.prisma"), "utf8");
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => {
    const fields = new Set<string>();
    const optional = new Set<string>();
    const cascadesFrom = new Set<string>();
    for (const line of body.split("\n")) {
      const field = line.match(/^\s+(\w+)\s+(\w+)(\??)/);
      if (!field) continue;
      fields.add(field[1]);
      if (field[3] === "?") optional.add(field[1]);
      if (/@relation\([^)]*onDelete: Cascade/.test(line)) cascadesFrom.add(field[2]);
    }
    return { name, fields, optional, cascadesFrom };
  });
}
