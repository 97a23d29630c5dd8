import { InlineCode } from "@/components/apiDocs/ApiOperation";

type Schema = Record<string, unknown>;

const MAX_DEPTH = 6;

/** A JSON Schema as a nested list of fields: name, type, whether required, constraints, description. */
export function SchemaView({ schema, depth = 0 }: { schema: Schema; depth?: number }) {
  const properties = schema.properties as Record<string, Schema> | undefined;
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) {
    return (
      <div className="space-y-2">
        <p className="text-xs text-gray-500 dark:text-gray-400">One of:</p>
        {alternatives.map((alt, i) => (
          <div key={i} className="border-l-2 border-gray-200 pl-3 dark:border-gray-700">
            <p className="font-mono text-xs text-gray-600 dark:text-gray-400">{typeLabel(alt)}</p>
            {depth < MAX_DEPTH && hasInside(alt) && <SchemaView schema={alt} depth={depth + 1} />}
          </div>
        ))}
      </div>
    );
  }
  if (!properties) {
    const items = schema.items as Schema | undefined;
    if (items && hasInside(items) && depth < MAX_DEPTH) {
      return (
        <div>
          <p className="font-mono text-xs text-gray-600 dark:text-gray-400">{typeLabel(schema)}</p>
          <SchemaView schema={items} depth={depth + 1} />
        </div>
      );
    }
    return <p className="font-mono text-xs text-gray-600 dark:text-gray-400">{typeLabel(schema)}</p>;
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <dl className="divide-y divide-gray-100 rounded-md ring-1 ring-gray-200 dark:divide-gray-800 dark:ring-gray-800">
      {Object.entries(properties).map(([name, property]) => {
        const inner = innerOf(property);
        return (
          <div key={name} className="px-3 py-2">
            <dt className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-mono text-sm font-semibold text-gray-900 dark:text-gray-100">{name}</code>
              <span className="font-mono text-xs text-gray-500 dark:text-gray-400">{typeLabel(property)}</span>
              {required.has(name) && <span className="text-xs font-medium text-red-700 dark:text-red-400">required</span>}
            </dt>
            <dd className="text-xs text-gray-600 [overflow-wrap:anywhere] dark:text-gray-300">
              {typeof property.description === "string" && <p><InlineCode text={property.description} /></p>}
              {constraints(property) && <p className="text-gray-500 dark:text-gray-400">{constraints(property)}</p>}
              {inner && depth < MAX_DEPTH && (
                <div className="mt-2">
                  <SchemaView schema={inner} depth={depth + 1} />
                </div>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function hasInside(schema: Schema): boolean {
  return Boolean(schema.properties || schema.anyOf || schema.oneOf || (schema.items && hasInside(schema.items as Schema)));
}

/** The nested schema worth expanding under a field: an object, an array of objects, or alternatives. */
function innerOf(property: Schema): Schema | undefined {
  if (property.properties || property.anyOf || property.oneOf) return property;
  const items = property.items as Schema | undefined;
  if (items && hasInside(items)) return items;
  return undefined;
}

export function typeLabel(schema: Schema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) return alternatives.map(typeLabel).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type as string | undefined);
  if (type === "array") return `array of ${schema.items ? typeLabel(schema.items as Schema) : "any"}`;
  if (type === "object" && !schema.properties && schema.additionalProperties !== undefined) return "object (map)";
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  return `${type ?? "any"}${format}`;
}

function constraints(schema: Schema): string {
  const parts: string[] = [];
  const add = (key: string, label: string) => schema[key] !== undefined && parts.push(`${label} ${JSON.stringify(schema[key])}`);
  add("minLength", "min length");
  add("maxLength", "max length");
  add("minimum", "≥");
  add("maximum", "≤");
  add("minItems", "min items");
  add("maxItems", "max items");
  add("default", "default");
  if (typeof schema.pattern === "string" && schema.pattern.length <= 60) parts.push(`pattern ${schema.pattern}`);
  return parts.join(" · ");
}
