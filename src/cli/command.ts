/**
 * What a `factmark` command is: its name, its help and its options, declared together so that the help
 * cannot name an option the parser does not take, or miss one it does (each command is one module under
 * `commands/`, listed in `main.ts`).
 */
import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; the real process streams, or buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Stream the progress bar goes to (drawn only when it is a terminal). */
  progress?: NodeJS.WriteStream;
}

/** The options as parsed (`node:util` `parseArgs`). */
export type Values = Record<string, string | boolean | undefined>;

/** One option, for the parser and the help alike. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in the help, for a string option: `<n>`. */
  value?: string;
  /** Its help; further lines (after `\n`) are indented under the first. */
  help: string;
}

export interface CommandSpec {
  name: string;
  /** One line for `factmark --help`. */
  summary: string;
  /** What follows `Usage: factmark ` in the help. */
  usage: string;
  /** The help between the usage line and the options, ending with a newline. */
  description: string;
  /** The options besides `-h, --help`, which every command has. In the order the help lists them. */
  options: Record<string, OptionSpec>;
  /** The help after the options, ending with a newline. */
  epilogue?: string;
  /** Where the options' help starts, counted from the flag; default: 3 after the longest flag. */
  column?: number;
  /** Runs the command; returns the exit code. `entry` is the script to start worker threads from. */
  run(values: Values, paths: string[], io: Io, entry: string): number | Promise<number>;
}

export interface CliCommand extends CommandSpec {
  /** The full `--help` text. */
  readonly help: string;
  /** The options for `parseArgs`, `help` included. */
  readonly parseOptions: NonNullable<ParseArgsConfig['options']>;
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'Show this help' };

export function defineCommand(spec: CommandSpec): CliCommand {
  const options = { ...spec.options, help: HELP_OPTION };
  const parseOptions: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, o] of Object.entries(options)) parseOptions[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  const flags = Object.entries(options).map(([name, o]) => `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`);
  const column = spec.column ?? Math.max(...flags.map((f) => f.length)) + 3;
  const lines = Object.values(options).map((o, i) => {
    const [first, ...more] = o.help.split('\n');
    return [`  ${flags[i].padEnd(column)}${first}`, ...more.map((m) => `  ${' '.repeat(column)}${m}`)].join('\n');
  });
  const help = `Usage: factmark ${spec.usage}\n\n${spec.description}\nOptions:\n${lines.join('\n')}\n${spec.epilogue ? `\n${spec.epilogue}` : ''}`;
  return { ...spec, help, parseOptions };
}

/** An error's words for the user: a disk or permission error said plainly, with its path and code. */
export function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the disk',
    EDQUOT: 'disk quota exceeded',
    EIO: 'input/output error',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOENT: 'no such file or folder',
    EISDIR: 'is a folder',
    EMFILE: 'too many open files',
  };
  if (e && typeof e.code === 'string') return `${words[e.code] ?? e.message}${e.path ? ` (${e.path})` : ''} [${e.code}]`;
  return e instanceof Error ? e.message : String(err);
}
