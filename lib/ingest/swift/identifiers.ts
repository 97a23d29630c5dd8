import { decodeSwiftPunycode } from "@/lib/ingest/swift/punycode";
import { addSubstitution, fail, isDigit, isLower, isUpper, natural, next, nextIf, peek, popDeclName, popIf, popKind, push, type State, index } from "@/lib/ingest/swift/state";
import { mk, type SwiftNode } from "@/lib/ingest/swift/swiftNode";

/** Identifiers longer than this (after word references are expanded) are not real code. */
const MAX_IDENTIFIER = 512;
const MAX_WORDS = 26;
const MAX_REPEAT = 64;

/**
 * identifier ::= NATURAL IDENTIFIER-STRING        "5place" is "place"
 *             |  '0' (NATURAL STRING | [a-z])* [A-Z] (NATURAL STRING | '0')   word references
 *             |  '00' NATURAL '_'? PUNYCODE          non-ASCII
 * A word is a run of letters and digits that starts a new word at an upper-case letter after a
 * lower-case one or after "_"; the words of every identifier spelled out so far are numbered a, b,
 * c… (up to 26), and "0j6LaunchI3Key" is word j + "Launch" + word I + "Key". Every identifier read
 * can be referred back to ("A…").
 */
export function identifier(s: State): SwiftNode {
  let wordReferences = false;
  let punycoded = false;
  if (nextIf(s, "0")) {
    if (nextIf(s, "0")) punycoded = true;
    else wordReferences = true;
  }
  let text = "";
  do {
    while (wordReferences && (isLower(peek(s)) || isUpper(peek(s)))) {
      const c = next(s);
      const last = isUpper(c);
      const word = s.words[c.toLowerCase().charCodeAt(0) - 97];
      if (word === undefined) fail();
      text += word;
      if (last) wordReferences = false;
    }
    if (nextIf(s, "0")) break; // a word reference ends the identifier
    const length = natural(s);
    if (length <= 0) fail();
    if (punycoded) nextIf(s, "_");
    if (s.pos + length > s.text.length) fail();
    const slice = s.text.slice(s.pos, s.pos + length);
    s.pos += length;
    if (punycoded) {
      text += decodeSwiftPunycode(slice, MAX_IDENTIFIER) ?? fail();
    } else {
      text += slice;
      rememberWords(s, slice);
    }
    if (text.length > MAX_IDENTIFIER) fail();
  } while (wordReferences);
  if (text.length === 0 || text.length > MAX_IDENTIFIER) fail();
  const node = mk("Identifier", [], text);
  addSubstitution(s, node);
  return node;
}

/** Words of two or more characters: a word starts at a character that is neither a digit nor "_". */
function rememberWords(s: State, slice: string): void {
  let start = -1;
  for (let i = 0; i <= slice.length; i++) {
    const c = i < slice.length ? slice[i] : "";
    if (start >= 0 && (c === "" || c === "_" || (isUpper(c) && !isUpper(slice[i - 1])))) {
      if (i - start >= 2 && s.words.length < MAX_WORDS) s.words.push(slice.slice(start, i));
      start = -1;
    }
    if (start < 0 && c !== "" && c !== "_" && !isDigit(c)) start = i;
  }
}

/**
 * substitution ::= 'A' INDEX                 back-reference 26 + INDEX ("A_" is 26, "A0_" 27)
 *               |  'A' (N? [a-z])* N? [A-Z]  references 0–25; lower case but the last; N repeats one
 * The last reference is returned for the caller to push, the others are pushed here.
 */
export function substitution(s: State): SwiftNode {
  let repeat = -1;
  for (;;) {
    const c = next(s);
    if (isLower(c) || isUpper(c)) {
      const node = s.substitutions[c.toLowerCase().charCodeAt(0) - 97] ?? fail();
      if (repeat > MAX_REPEAT) fail();
      for (let i = 1; i < repeat; i++) push(s, node);
      if (isUpper(c)) return node;
      push(s, node);
      repeat = -1;
    } else if (c === "_") {
      return s.substitutions[repeat + 27] ?? fail();
    } else {
      s.pos--;
      if (repeat >= 0) fail(); // two numbers in a row
      repeat = natural(s);
    }
  }
}

/** identifier 'o' [piP]: an operator's name, its characters spelled as letters ("p" is "+"). */
const OPERATOR_CHARACTERS = "& @/= >    <*!|+?%-~   ^ .";

export function operatorName(s: State): SwiftNode {
  const name = popIf(s, "Identifier") ?? fail();
  let op = "";
  for (const c of name.text) {
    const mapped = isLower(c) ? OPERATOR_CHARACTERS[c.charCodeAt(0) - 97] : c.charCodeAt(0) >= 0x80 ? c : " ";
    if (mapped === " ") fail();
    op += mapped;
  }
  const fixity = next(s);
  const word = fixity === "i" ? "infix" : fixity === "p" ? "prefix" : fixity === "P" ? "postfix" : fail();
  return mk("Operator", [], `${op} ${word}`);
}

/**
 * After "L": "LL" a private declaration (name, file discriminator), "Ll" a file discriminator alone,
 * "L[a-jA-J]" a related entity, "L" INDEX a declaration local to a function ("helper #2").
 */
export function localName(s: State): SwiftNode {
  if (nextIf(s, "L")) {
    popKind(s, "Identifier"); // the file discriminator
    return mk("PrivateName", [popDeclName(s)]);
  }
  if (nextIf(s, "l")) {
    popKind(s, "Identifier");
    return mk("PrivateName");
  }
  const c = peek(s);
  if ((c >= "a" && c <= "j") || (c >= "A" && c <= "J")) {
    s.pos++;
    return mk("RelatedName", [popDeclName(s)], c);
  }
  const i = index(s);
  return mk("LocalName", [popDeclName(s)], "", i);
}
