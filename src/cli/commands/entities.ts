/** `factmark entities`: the entities of factmark.entities.yaml with how often and where the sidecars mention them. */
import { formatOf, loadIndex, toCsv } from './query';
import { plural } from '../load';
import { shown, UsageError } from '../files';
import { defineCommand, type Io, type Values } from '../command';

export const entitiesCommand = defineCommand({
  name: 'entities',
  summary: 'List the entities of factmark.entities.yaml with their mention counts (JSON or CSV)',
  usage: 'entities [options] [files or folders...]',
  description: `Lists the entities of the entities file with their ids, type, aliases and knowledge-base ids, and,
over the sidecars found, how many mentions link to each, in how many documents and facts, and the
first and last document date they appear on.
`,
  options: {
    type: { type: 'string', short: 't', value: '<types>', help: 'Only entities of these types, comma-separated (PERSON,PLACE)' },
    entities: { type: 'string', value: '<file>', help: 'The entities file (default: factmark.entities.yaml in the folder given or a\nfolder above it)' },
    format: { type: 'string', value: '<format>', help: 'json (default) or csv' },
  },
  epilogue: 'Exit code 1 when a sidecar or the entities file could not be read.\n',
  run: runEntities,
});

function runEntities(values: Values, paths: string[], io: Io): number {
  const format = formatOf(values);
  const { index, problems, entitiesPath } = loadIndex(paths, io.cwd, values.entities as string | undefined);
  if (entitiesPath === undefined) throw new UsageError('no factmark.entities.yaml found here or above (give one with --entities)');
  for (const p of problems) io.err(`${p}\n`);
  const types = typeof values.type === 'string' ? new Set(values.type.toUpperCase().split(',').filter(Boolean)) : undefined;
  const list = index.summaries().filter((s) => !types || types.has(s.type));
  if (format === 'json') io.out(`${JSON.stringify({ entitiesFile: shown(entitiesPath, io.cwd), documents: index.size, entities: list }, null, 2)}\n`);
  else {
    const rows: unknown[][] = [['id', 'name', 'type', 'aliases', 'kb', 'mentions', 'documents', 'facts', 'first', 'last']];
    for (const s of list) rows.push([s.id, s.name, s.type, s.aliases.join(';'), s.kb.join(';'), s.mentions, s.documents, s.facts, s.first, s.last]);
    io.out(toCsv(rows));
  }
  io.err(`${list.length} ${list.length === 1 ? 'entity' : 'entities'} (${shown(entitiesPath, io.cwd)}), ${plural(index.size, 'document')} searched.\n`);
  return problems.length ? 1 : 0;
}
