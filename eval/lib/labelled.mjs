// The hand-labelled eval files (eval/headlines, eval/wiki) as their checkers read them: a comment block,
// then items with inline entity marks ("[PER Kim]'s visit").

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

/**
 * The entities of one line, its plain text, and its text outside names (each name as "X", so that
 * "[PER Kim]'s" reads as one capitalised word); `fail(message)` hears of malformed, unknown, nested
 * and empty brackets.
 */
export function parseBrackets(text, fail) {
  const entities = [];
  let plain = '';
  let outside = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ']') { fail(`"]" without "[" at column ${i + 1}`); i++; continue; }
    if (c !== '[') { plain += c; outside += c; i++; continue; }
    const head = /^\[([A-Za-z]*) /.exec(text.slice(i));
    if (!head) { fail(`"[" not followed by a type and a space at column ${i + 1}`); i++; continue; }
    if (!TYPES.includes(head[1])) fail(`unknown type "${head[1]}" at column ${i + 1}`);
    const start = i + head[0].length;
    const close = text.indexOf(']', start);
    const open = text.indexOf('[', start);
    if (close < 0) { fail(`"[" at column ${i + 1} is never closed`); break; }
    if (open >= 0 && open < close) fail(`nested "[" at column ${open + 1}`);
    const body = text.slice(start, close);
    if (body.trim() === '' || body !== body.trim()) fail(`empty entity or spaces at its edges at column ${i + 1}`);
    entities.push({ type: head[1], text: body });
    plain += body;
    outside += 'X';
    i = close + 1;
  }
  return { entities, plain, outside };
}

/** The index of the first line after the comment block and the blank line that must follow it; `fail(n, message)` hears of faults. */
export function afterHeader(lines, fail) {
  let n = 0;
  while (n < lines.length && lines[n].startsWith('#')) {
    if (lines[n] !== '#' && !lines[n].startsWith('# ')) fail(n + 1, 'comment lines start with "# "');
    n++;
  }
  if (lines[n] !== '') fail(n + 1, 'a blank line must follow the comment block');
  return n + 1;
}
