/**
 * A strict parser of the Prometheus text exposition format (0.0.4), for tests: every line must be a
 * comment, a HELP/TYPE line, or a well-formed sample of a declared family; anything else throws.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

export function parsePrometheusText(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const where = `line ${i + 1}: ${line.slice(0, 120)}`;
    if (line.trim() === "") return;
    if (line.startsWith("#")) {
      const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
      if (!m) return; // plain comment
      if (!NAME.test(m[2])) throw new Error(`bad metric name in ${where}`);
      if (m[1] === "TYPE") {
        if (!TYPES.has(m[3])) throw new Error(`bad type in ${where}`);
        if (types.has(m[2])) throw new Error(`duplicate TYPE in ${where}`);
        types.set(m[2], m[3]);
      }
      return;
    }
    samples.push(parseSample(line, where, types));
  });
  return { types, samples };
}

function parseSample(line: string, where: string, types: Map<string, string>): Sample {
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)( -?\d+)?$/.exec(line);
  if (!m) throw new Error(`malformed sample in ${where}`);
  const name = m[1];
  const family = [name, name.replace(/_(bucket|sum|count|total|created)$/, "")].find((n) => types.has(n));
  if (!family) throw new Error(`sample of an undeclared family in ${where}`);
  const labels = m[3] ? parseLabels(m[3], where) : {};
  const value = parseValue(m[4], where);
  if (types.get(family) === "histogram" && name.endsWith("_bucket") && !("le" in labels)) throw new Error(`bucket without le in ${where}`);
  return { name, labels, value };
}

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf("=", i);
    if (eq < 0) throw new Error(`bad labels in ${where}`);
    const key = text.slice(i, eq);
    if (!LABEL.test(key)) throw new Error(`bad label name "${key}" in ${where}`);
    if (text[eq + 1] !== '"') throw new Error(`unquoted label value in ${where}`);
    let j = eq + 2;
    let value = "";
    while (j < text.length && text[j] !== '"') {
      if (text[j] === "\\") {
        const next = text[j + 1];
        if (next === "n") value += "\n";
        else if (next === "\\" || next === '"') value += next;
        else throw new Error(`bad escape in ${where}`);
        j += 2;
      } else value += text[j++];
    }
    if (text[j] !== '"') throw new Error(`unterminated label value in ${where}`);
    if (key in labels) throw new Error(`duplicate label ${key} in ${where}`);
    labels[key] = value;
    i = j + 1;
    if (text[i] === ",") i++;
    else if (i < text.length) throw new Error(`bad label separator in ${where}`);
  }
  return labels;
}

/** Like Prometheus (Go's strconv.ParseFloat): NaN and Inf are recognised case-insensitively. */
function parseValue(text: string, where: string): number {
  const special = text.toLowerCase();
  if (special === "+inf" || special === "inf") return Infinity;
  if (special === "-inf") return -Infinity;
  if (special === "nan") return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value in ${where}`);
  return Number(text);
}

/** The sum of the samples with this name whose labels include `labels`; 0 when there are none. */
export function sampleValue(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  const matching = exposition.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return matching.reduce((sum, s) => sum + s.value, 0);
}
