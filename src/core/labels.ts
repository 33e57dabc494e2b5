/**
 * The label set: the entity types a user can tag with. The four built-in types have theme colours
 * of their own (`factmark.<key>` in contributes.colors); users add types in settings, each with a
 * colour and an optional one-letter key. Pure: settings values in, labels and problems out.
 */

import { ENTITY_TYPES } from './model';

/** One entity type the user can tag with. */
export interface Label {
  /** The type name stored in the sidecar (`PERSON`, `WEAPON`, ...). Upper case. */
  readonly name: string;
  /** Human-readable name for menus and hovers. */
  readonly title: string;
  /** Theme colour id of the background (`factmark.person`) for built-ins; undefined for custom types. */
  readonly themeColour?: string;
  /** `#rrggbb` colour for custom types (and the legend of built-ins). */
  readonly colour: string;
  /** One character that picks this label in the "Tag As…" picker (and names its keybinding). */
  readonly key?: string;
  readonly builtin: boolean;
}

/** What a user writes in `factmark.labels` (settings.json). */
export interface LabelSetting {
  name?: unknown;
  colour?: unknown;
  color?: unknown;
  key?: unknown;
  title?: unknown;
}

/** The built-in labels, in menu order. Their colours are the light-theme underline defaults. */
export const BUILTIN_LABELS: readonly Label[] = [
  { name: 'PERSON', title: 'Person', themeColour: 'factmark.person', colour: '#2563eb', key: 'p', builtin: true },
  { name: 'ORGANIZATION', title: 'Organisation', themeColour: 'factmark.organization', colour: '#9333ea', key: 'o', builtin: true },
  { name: 'PLACE', title: 'Place', themeColour: 'factmark.place', colour: '#15803d', key: 'l', builtin: true },
  { name: 'DATE', title: 'Date', themeColour: 'factmark.date', colour: '#b45309', key: 'd', builtin: true },
];

/** Colours given in turn to custom labels without one: distinct from the built-ins. */
const PALETTE = ['#e11d48', '#0891b2', '#65a30d', '#c026d3', '#ea580c', '#4f46e5', '#0d9488', '#a16207'];

const NAME = /^[\p{L}][\p{L}\p{N}_-]{0,39}$/u;
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The labels to offer: built-ins first, then valid custom ones, plus a message for each rejected entry. */
export function resolveLabels(custom: readonly unknown[] | undefined): { labels: Label[]; problems: string[] } {
  const labels: Label[] = [...BUILTIN_LABELS];
  const problems: string[] = [];
  const usedKeys = new Set(labels.map((l) => l.key));
  let next = 0;
  for (const [i, raw] of (custom ?? []).entries()) {
    const entry = (typeof raw === 'string' ? { name: raw } : raw) as LabelSetting | null;
    const name = typeof entry?.name === 'string' ? entry.name.trim() : '';
    if (!NAME.test(name)) {
      problems.push(`factmark.labels[${i}]: "${name}" is not a valid type name (letters, digits, _ or -, starting with a letter).`);
      continue;
    }
    const upper = name.toUpperCase();
    if (labels.some((l) => l.name === upper)) {
      problems.push(`factmark.labels[${i}]: ${upper} is already defined.`);
      continue;
    }
    const given = entry?.colour ?? entry?.color;
    const valid = typeof given === 'string' && HEX.test(given);
    const colour = valid ? expandHex(given) : PALETTE[next++ % PALETTE.length];
    if (!valid && given !== undefined) problems.push(`factmark.labels[${i}]: colour "${String(given)}" is not #rgb or #rrggbb; using ${colour}.`);
    let key: string | undefined;
    if (typeof entry?.key === 'string' && entry.key.length === 1) {
      key = entry.key.toLowerCase();
      if (usedKeys.has(key)) {
        problems.push(`factmark.labels[${i}]: key "${key}" is taken.`);
        key = undefined;
      } else usedKeys.add(key);
    }
    const title = typeof entry?.title === 'string' && entry.title.trim() ? entry.title.trim() : titleCase(upper);
    labels.push({ name: upper, title, colour, key, builtin: false });
  }
  return { labels, problems };
}

/** `#abc` → `#aabbcc`, lower case. */
function expandHex(hex: string): string {
  const h = hex.slice(1).toLowerCase();
  return h.length === 3 ? `#${h[0]}${h[0]}${h[1]}${h[1]}${h[2]}${h[2]}` : `#${h}`;
}

function titleCase(name: string): string {
  return name.charAt(0) + name.slice(1).toLowerCase().replace(/[_-]/g, ' ');
}

/** Human-readable name of a type, for any type name (labels not in the set keep their name). */
export function labelTitle(labels: readonly Label[], type: string): string {
  return labels.find((l) => l.name === type)?.title ?? (type === 'MISC' ? 'Miscellaneous' : type);
}

/** The background (translucent) and border colours of a custom label, per theme kind. */
export function customColours(colour: string, dark: boolean): { background: string; border: string } {
  return { background: `${colour}${dark ? '3d' : '33'}`, border: colour };
}

/** A Markdown legend of the labels: a table for the README or a hover. */
export function legendMarkdown(labels: readonly Label[]): string {
  const rows = labels.map(
    (l) => `| ${l.title} | \`${l.name}\` | ${l.themeColour ? `\`${l.themeColour}\`` : `\`${l.colour}\``} | ${l.key ? `\`${l.key}\`` : ''} |`,
  );
  return ['| Label | Type | Colour | Key |', '|---|---|---|---|', ...rows].join('\n');
}

/** Whether `type` is one of the four built-in types. */
export function isBuiltinType(type: string): boolean {
  return (ENTITY_TYPES as readonly string[]).includes(type);
}
