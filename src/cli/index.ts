/** Entry of the `factmark` CLI bundle (dist/cli.js); the same file serves as the annotate worker. */
import { isAnnotateWorker, serveAnnotateWorker } from './annotate';
import { describeError } from './command';
import { main } from './main';

if (isAnnotateWorker()) {
  serveAnnotateWorker();
} else {
  // A reader that stops early (`factmark stats | head -1`) closes the pipe: that is no error. A full disk
  // or an I/O error on standard output is one, said in words instead of an uncaught exception.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`factmark: cannot write to standard output: ${describeError(err)}\n`);
    process.exit(1);
  });
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    progress: process.stderr,
  }, __filename).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`factmark: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
