/**
 * How Factmark writes one YAML scalar. Plain style only for text that every YAML reader, including
 * YAML 1.1 ones such as PyYAML, reads back as the same string; double quotes with escapes otherwise.
 */

/** Words a YAML 1.1 reader turns into booleans or null. */
const YAML11_WORDS = /^(y|n|yes|no|on|off|true|false|null|~)$/i;

/**
 * Plain text: starts with a letter, then letters, marks, digits, spaces and a little punctuation.
 * No `:`, `#`, `,`, brackets or quotes, so it is safe in block and flow context alike.
 */
const SAFE_PLAIN = /^[\p{L}][\p{L}\p{M}\p{N} .'’\-()/&_+]*$/u;

/** Format a string as a YAML scalar that reads back identically. */
export function formatString(value: string): string {
  if (
    SAFE_PLAIN.test(value) &&
    !YAML11_WORDS.test(value) &&
    !value.endsWith(' ') &&
    !value.includes('  ') &&
    !value.includes(' -')
  ) {
    return value;
  }
  return doubleQuoted(value);
}

/**
 * Double-quoted YAML with escapes for everything a reader could alter or reject: control
 * characters, NEL, line and paragraph separators, BOM, non-characters and lone surrogates.
 */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && isLow(value.charCodeAt(i + 1))) {
      out += ch + value[i + 1];
      i++;
    } else if (needsEscape(c)) out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function needsEscape(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff ||
    c === 0xfffe ||
    c === 0xffff ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

/** Format a flow sequence of strings: `[a1, a2]`. */
export function formatStringList(values: readonly string[]): string {
  return '[' + values.map(formatString).join(', ') + ']';
}

/** Format any value Factmark stores in a scalar position. */
export function formatValue(value: string | number | boolean | readonly string[]): string {
  if (typeof value === 'string') return formatString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return formatStringList(value);
}
