/**
 * How Factmark writes one YAML scalar. Plain style only for text that every YAML reader, including
 * YAML 1.1 ones such as PyYAML, reads back as the same string; double quotes with escapes otherwise.
 */

import type { Tags } from 'yaml';

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
  return '"' + value.replace(NEEDS_ESCAPE, escapeOne) + '"';
}

/** Characters escaped inside double quotes; a surrogate is escaped only when it is not part of a pair. */
const NEEDS_ESCAPE = /["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

function escapeOne(ch: string): string {
  return SHORT_ESCAPES[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
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

/**
 * The yaml library's tags with its string tag changed to write, as {@link doubleQuoted} does, every
 * string holding a character that its own printer leaves raw (NEL, U+2028/2029, DEL, C1 controls,
 * BOM, non-characters): a YAML 1.1 reader such as PyYAML reads a raw NEL in quotes as a line break
 * folded into a space. For the `customTags` option of the fallback writer's yaml document.
 */
export function escapingStringTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:str' || !('stringify' in tag) || !tag.stringify || ESCAPING.has(tag)) return tag;
    const stringify = tag.stringify;
    const escaping: typeof tag = {
      ...tag,
      stringify: (item, ctx, onComment, onChompKeep) =>
        typeof item.value === 'string' && RAW_IN_YAML_PRINTER.test(item.value) ? doubleQuoted(item.value) : stringify(item, ctx, onComment, onChompKeep),
    };
    ESCAPING.add(escaping);
    return escaping;
  });
}

/** The tags made here: a document's schema changed twice (a cached parse) is not wrapped twice. */
const ESCAPING = new WeakSet<object>();

const RAW_IN_YAML_PRINTER = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
