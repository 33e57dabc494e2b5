/** `factmark check`: sidecars validated against the format and their documents, for CI. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isError } from '../../core/documents';
import { defineCommand, type Io, type Values } from '../command';
import { SidecarCopies } from '../copies';
import { collect, shown } from '../files';
import { load, plural } from '../load';

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'Validate sidecars; exit 1 when one is invalid or has orphaned annotations',
  usage: 'check [options] [files or folders...]',
  description: `Validates every sidecar against format v1 and its document: exit code 1 when a sidecar is invalid,
its document is missing, a fact links an annotation that does not exist, an annotation no longer
anchors on the text (orphan), or a copy of the sidecar lies beside it (a sync tool's conflict copy,
a merge's leftover, "story.txt.factmark (1).yaml"): Factmark reads only the sidecar itself, so the
copy's annotations are lost until merged by hand. A copy the same as the sidecar, byte for byte, is
a warning (nothing is lost; delete it); a link to the sidecar itself is no copy. For CI.
`,
  options: {
    json: { type: 'boolean', help: 'Print the findings as JSON' },
  },
  run: runCheck,
});

interface Finding {
  file: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

function runCheck(values: Values, paths: string[], io: Io): number {
  const docs = collect(paths, 'sidecars and copies', io.cwd);
  const findings: Finding[] = [];
  const copies = new SidecarCopies();
  for (const doc of docs) {
    const file = shown(doc.sidecar, io.cwd);
    const sidecarName = path.basename(doc.sidecar);
    const own = fs.existsSync(doc.sidecar);
    const beside = copies.of(doc.sidecar);
    for (const { name: copy, same } of beside) {
      // Nothing to merge, nothing lost: not a failure, but a file to delete before it drifts from the sidecar.
      if (same) {
        findings.push({ file, severity: 'warning', code: 'COPY_SAME', message: `${copy} beside it is the same as this sidecar, byte for byte: it holds nothing the sidecar does not; delete it` });
        continue;
      }
      const also = own ? `merge what it holds into ${sidecarName} by hand, then delete it` : `${sidecarName} itself is missing: rename the copy to it if it holds the annotations to keep`;
      findings.push({ file, severity: 'error', code: 'COPY', message: `${copy} beside it looks like a copy of this sidecar (a sync tool's conflict copy, a merge's leftover or a file manager's copy); Factmark reads only ${sidecarName}: ${also}` });
    }
    // Only a copy: said above, without the missing sidecar's advice to run annotate, which would start a new one.
    if (!own && beside.length > 0) continue;
    const loaded = load(doc);
    if (loaded.missing) {
      findings.push({ file, severity: 'error', code: loaded.unreadable ? 'UNREADABLE' : 'MISSING', message: loaded.missing });
      continue;
    }
    const reading = loaded.reading!;
    for (const d of reading.diagnostics) {
      if (d.severity === 'information') continue;
      findings.push({ file, line: d.line + 1, column: d.column + 1, severity: d.severity, code: d.code, message: d.message });
    }
    if (!reading.document && !reading.diagnostics.some(isError)) findings.push({ file, severity: 'error', code: 'UNREADABLE', message: 'the sidecar cannot be read' });
    const model = reading.document;
    if (model) {
      const ids = new Set(model.annotations.map((a) => a.id));
      for (const f of model.facts) {
        for (const id of f.entities) {
          if (!ids.has(id)) findings.push({ file, severity: 'error', code: 'DANGLING', message: `fact ${f.id} links ${id}, which is not an annotation of this sidecar` });
        }
      }
      const belongsTo = path.basename(doc.path);
      if (path.posix.basename(model.path) !== belongsTo) {
        findings.push({ file, severity: 'warning', code: 'PATH', message: `document.path is "${model.path}", but this sidecar belongs to ${belongsTo} (renamed?)` });
      }
    }
    for (const o of reading.orphans) {
      const why = o.reason === 'stored' ? 'marked orphaned' : o.reason === 'deleted' ? 'its text was deleted' : o.reason === 'ambiguous' ? 'its text occurs in several places' : 'its text is not in the document';
      findings.push({ file, severity: 'error', code: 'ORPHAN', message: `${o.id} “${o.quote}” does not anchor (${why})` });
    }
  }
  const failing = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file));
  const warned = findings.filter((f) => f.severity === 'warning').length;
  if (values.json) {
    io.out(`${JSON.stringify({ checked: docs.length, failed: failing.size, findings }, null, 2)}\n`);
  } else {
    for (const f of findings) io.out(`${f.file}${f.line !== undefined ? `:${f.line}:${f.column}` : ''}: ${f.severity}: ${f.message} [${f.code}]\n`);
    io.out(docs.length === 0 ? 'No sidecars found: nothing was checked.\n' : `Checked ${plural(docs.length, 'sidecar')}: ${failing.size === 0 ? 'all valid' : `${failing.size} with errors`}${warned ? ` (${plural(warned, 'warning')})` : ''}.\n`);
  }
  // A CI gate must not pass on nothing (a wrong path, sidecars behind symlinks once skipped).
  return failing.size > 0 || docs.length === 0 ? 1 : 0;
}
