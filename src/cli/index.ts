/** Entry of the `factmark` CLI bundle (dist/cli.js); the same file serves as the annotate worker. */
import { isAnnotateWorker, serveAnnotateWorker } from './annotate';
import { main } from './main';

if (isAnnotateWorker()) {
  serveAnnotateWorker();
} else {
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
