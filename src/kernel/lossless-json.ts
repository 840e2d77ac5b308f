// JSON from other systems, parsed without losing ids. Shopify's order ids (its documented example is
// 820982911946154508) are above 2^53, where JSON.parse rounds them to the nearest double: two
// different orders could become one. Here an integer literal that a double cannot hold exactly is
// kept as its digits in a string; every other value parses as JSON.parse would parse it. (Node 20's
// JSON.parse reviver does not see a number's source text, so the text is rewritten first: each
// such literal outside a string is put in quotes.)

const isDigit = (c: number) => c >= 48 && c <= 57;

/** JSON.parse, with integers beyond ±(2^53 − 1) as exact decimal strings. */
export function parseJsonLossless(text: string): unknown {
  // Fast path: no run of 16+ digits anywhere, so no integer can be unsafe.
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    if (c !== 45 && !isDigit(c)) continue;
    // A number literal starts here: find its end and whether it has a fraction or exponent.
    let j = i + 1;
    let integer = true;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (isDigit(d)) j++;
      else if (d === 46 || d === 101 || d === 69 || d === 43 || d === 45) {
        integer = false;
        j++;
      } else break;
    }
    const literal = text.slice(i, j);
    if (integer && /^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
      out += `${text.slice(from, i)}"${literal}"`;
      from = j;
    }
    i = j - 1;
  }
  return JSON.parse(from === 0 ? text : out + text.slice(from));
}
