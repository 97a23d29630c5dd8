/** UTF-8 length of a string without allocating (TextEncoder would copy it). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x7f) continue;
    if (code <= 0x7ff) bytes += 1;
    // A surrogate pair is 2 UTF-16 units and 4 bytes: +1 for each half; any other unit is 3 bytes.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 1;
    else bytes += 2;
  }
  return bytes;
}
