/**
 * The same JavaScript error worded by each engine (V8 in Chrome/Edge/Node, SpiderMonkey in
 * Firefox, JavaScriptCore in Safari/Bun), mapped to one wording. Old and new wordings of an engine
 * count as engines too. Each rule: a pattern and the canonical text built from its groups.
 */
type Rule = [RegExp, (m: RegExpExecArray) => string];

/** "this.props.order.total" → "total"; "items[0]" → "items"; "a.b(...)" → "b". */
function lastProperty(expression: string): string {
  const cleaned = expression.replace(/\(\.\.\.\)|\([^()]*\)/g, "").replace(/\[[^\]]*\]$/, "").trim();
  const parts = cleaned.split(".");
  return parts[parts.length - 1] || cleaned;
}

// Property and variable names are code, not data: left unquoted so parameterisation keeps them.
const read = (prop: string, what: string) => `cannot read property ${prop} of ${what}`;

const RULES: Rule[] = [
  // Reading a property of undefined/null.
  [/^Cannot read propert(?:y|ies) of (undefined|null) \(reading '(.*)'\)$/, (m) => read(m[2], m[1])],
  [/^Cannot read property '(.*)' of (undefined|null)$/, (m) => read(m[1], m[2])],
  [/^can't access property "([^"]*)", .+ is (undefined|null)$/, (m) => read(m[1], m[2])],
  [/^(undefined|null) is not an object \(evaluating '([^']*?)'\)$/, (m) => (m[2].includes("=") ? `cannot set property ${lastProperty(m[2].split("=")[0])} of ${m[1]}` : read(lastProperty(m[2]), m[1]))],
  [/^Cannot read properties of (undefined|null)$/, (m) => read("", m[1])],
  // Setting one.
  [/^Cannot set propert(?:y|ies) of (undefined|null) \(setting '(.*)'\)$/, (m) => `cannot set property ${m[2]} of ${m[1]}`],
  [/^Cannot set property '(.*)' of (undefined|null)$/, (m) => `cannot set property ${m[1]} of ${m[2]}`],
  [/^can't assign to property "(.*)" on (undefined|null)(?::.*)?$/, (m) => `cannot set property ${m[1]} of ${m[2]}`],
  // Calling something that is not a function (Safari appends "(In 'x.y()', 'x.y' is undefined)").
  [/^(.+?) is not a function(?:\.? \(In '[^']*', '[^']*' is [^)]*\))?$/, (m) => `${lastProperty(m[1])} is not a function`],
  [/^(.+?) is not a constructor(?:\.? \(In '[^']*', '[^']*' is [^)]*\))?$/, (m) => `${lastProperty(m[1])} is not a constructor`],
  // Unknown variables.
  [/^Can't find variable: (.+)$/, (m) => `${m[1]} is not defined`],
  [/^(\S+) is not defined$/, (m) => `${m[1]} is not defined`],
  // Recursion.
  [/^(?:Maximum call stack size exceeded|too much recursion)\.?$/i, () => "maximum call stack size exceeded"],
  // JSON.parse of something that is not JSON.
  [/^(?:Unexpected token .* in JSON at position \d+|Unexpected token .*, .* is not valid JSON|Unexpected end of JSON input|Unexpected non-whitespace character after JSON.*|JSON\.parse: .*|JSON Parse error: .*|No number after minus sign in JSON.*|Bad control character in string literal in JSON.*)$/, () => "invalid JSON"],
  // fetch() failing at the network level.
  [/^(?:Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|fetch failed|Network request failed)$/i, () => "network request failed"],
  // Assignment to const.
  [/^(?:Assignment to constant variable\.?|invalid assignment to const .*|Attempted to assign to readonly property\.?)$/, () => "assignment to constant variable"],
  // Iterating something that is not iterable.
  [/^(?:.+ is not iterable(?: \(cannot read property Symbol\(Symbol\.iterator\)\))?|undefined is not a function \(near '.*\.\.\..*'\))$/, () => "not iterable"],
];

/** Engine messages are short; longer ones are the application's own and are left as they are. */
const MAX_ENGINE_MESSAGE = 500;

/** The canonical wording of a JavaScript engine message, or the message itself when no rule knows it. */
export function canonicalBrowserMessage(message: string): string {
  const text = message.trim();
  if (text.length > MAX_ENGINE_MESSAGE) return text;
  for (const [pattern, build] of RULES) {
    const m = pattern.exec(text);
    if (m) return build(m);
  }
  return text;
}

/** Firefox raises InternalError for what the others call RangeError ("too much recursion"). */
export function canonicalBrowserType(type: string, message: string): string {
  if (type === "InternalError" && /too much recursion/i.test(message)) return "RangeError";
  return type;
}
