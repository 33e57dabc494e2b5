/**
 * The `factmark` command-line tool: annotate, export, check and stats over plain-text articles and
 * their sidecars, with the same core as the extension. This file only dispatches: each command is a
 * module of `commands/` (see `command.ts`). Exit codes: 0 success, 1 problems found (invalid
 * sidecars, orphans, files that failed), 2 usage errors (unknown command, option or format, missing
 * files).
 */
import { parseArgs } from 'node:util';
import { describeError, type CliCommand, type Io, type Values } from './command';
import { annotateCommand } from './commands/annotate';
import { checkCommand } from './commands/check';
import { entitiesCommand } from './commands/entities';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { queryCommand } from './commands/query';
import { statsCommand } from './commands/stats';
import { UsageError } from './files';

/** The commands, in the order `factmark --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [annotateCommand, exportCommand, importCommand, checkCommand, statsCommand, entitiesCommand, queryCommand];

/** Put in by the bundler from package.json (esbuild.mjs); the compiled-for-tests copy has none. */
declare const FACTMARK_VERSION: string | undefined;
const VERSION = typeof FACTMARK_VERSION === 'string' ? FACTMARK_VERSION : 'development';

const nameWidth = Math.max(...COMMANDS.map((c) => c.name.length)) + 3;

export const MAIN_HELP = `Usage: factmark <command> [options] [files or folders...]

Annotate plain-text articles with people, organisations, places and dates, and work with their
sidecar files (article.txt -> article.txt.factmark.yaml).

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(nameWidth)}${c.summary}`).join('\n')}

Options:
  -h, --help     Show help (also: factmark <command> --help)
  -v, --version  Show the version

Folders are searched recursively; the current folder is used when no path is given.
`;

/** Runs the CLI; returns the exit code. `entry` is the script to start annotate workers from. */
export async function main(argv: readonly string[], io: Io, entry: string): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      io.out(topic ? topic.help : MAIN_HELP);
      return 0;
    }
    if (name === '-v' || name === '--version') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see factmark --help)`);
    let values: Values;
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({ args: [...rest], options: command.parseOptions, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] });
    } catch (err) {
      throw new UsageError(`${(err as Error).message.replace(/\. To specify a positional.*$/s, '')} (see factmark ${name} --help)`);
    }
    if (values.help) {
      io.out(command.help);
      return 0;
    }
    return await command.run(values, positionals, io, entry);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`factmark: ${err.message}\n`);
      return 2;
    }
    // disk full, I/O and permission errors: a message and exit 1, not a stack trace
    if (typeof (err as NodeJS.ErrnoException)?.code === 'string') {
      io.err(`factmark: ${describeError(err)}\n`);
      return 1;
    }
    throw err;
  }
}
