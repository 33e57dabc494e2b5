/**
 * The `Alt+M <key>` chords of labels. VS Code cannot add keybindings at run time, so the manifest
 * contributes one chord per free letter and digit, each running `factmark.tagWithLabelKey` with that
 * key and enabled only while a label in `factmark.labels` has it (the `factmark.labelKeys` context
 * key). Pure: no `vscode` import, so the unit tests check the manifest against it.
 */

import type { Label } from './labels';

/** What `Alt+M <key>` does when Factmark's own commands already use the key. */
export const RESERVED_CHORD_KEYS: Readonly<Record<string, string>> = {
  p: 'Tag Selection as Person',
  o: 'Tag Selection as Organisation',
  l: 'Tag Selection as Place',
  d: 'Tag Selection as Date',
  t: 'Tag Selection As…',
  a: 'Accept Suggestions',
  x: 'Reject Suggestions',
  y: 'Change Type of Annotation',
  f: 'Create Fact',
  n: 'Go to Next Suggestion',
  v: 'Set Normalised Value',
};

/** Keys that `Alt+M` followed by the key tags with a custom label: letters and digits not reserved. */
export const LABEL_CHORD_KEYS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz0123456789'].filter((k) => !(k in RESERVED_CHORD_KEYS));

/** The context value listing the chord keys in use (`factmark.labelKeys`), e.g. `"w3"`. */
export function chordKeysInUse(labels: readonly Label[]): string {
  return labels
    .filter((l) => !l.builtin && l.key && LABEL_CHORD_KEYS.includes(l.key))
    .map((l) => l.key)
    .join('');
}

/** Warnings for custom labels whose key cannot be a chord (it still picks the label in Tag Selection As…). */
export function chordKeyProblems(labels: readonly Label[]): string[] {
  return labels
    .filter((l) => !l.builtin && l.key && !LABEL_CHORD_KEYS.includes(l.key))
    .map((l) =>
      RESERVED_CHORD_KEYS[l.key!]
        ? `${l.name}: Alt+M ${l.key!.toUpperCase()} stays ${RESERVED_CHORD_KEYS[l.key!]}; key "${l.key}" picks ${l.name} in Tag Selection As… (Alt+M T ${l.key}).`
        : `${l.name}: key "${l.key}" picks it in Tag Selection As… (Alt+M T ${l.key}); only letters and digits get an Alt+M chord of their own.`,
    );
}

/** The `when` clause of the chord for `key`. */
export function chordWhen(key: string): string {
  return `editorTextFocus && editorLangId == plaintext && factmark.labelKeys =~ /${key}/`;
}
