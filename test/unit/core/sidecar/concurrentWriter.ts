/**
 * Child process of concurrent.test.ts: one of two real writers of the same sidecars.
 *
 *   node concurrentWriter.js annotate DIR STOP   runs `factmark annotate`'s per-file step over every
 *                                                article of DIR, again and again, until STOP exists (then once more).
 *   node concurrentWriter.js confirm DIR ROUNDS  plays the extension: each round, for each article, reads
 *                                                the sidecar, removes its suggestions (so that annotate has
 *                                                work) and confirms one more word, then writes it with the
 *                                                same compare-and-swap as the extension (retrying on a
 *                                                change). Prints the ids it wrote, as JSON, at the end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { annotateFile } from '../../../../src/cli/annotateFile';
import { readSidecar } from '../../../../src/core/documents';
import type { AnnotatedDocument } from '../../../../src/core/model';
import { updateSidecar } from '../../../../src/core/sidecar';
import { isChangedOnDisk } from '../../../../src/core/sidecar/atomicWrite';
import { writeFileAtomic } from '../../../../src/node/fs';

function articles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
}

async function annotateLoop(dir: string, stop: string): Promise<void> {
  process.stdout.write('ready\n');
  // One full pass after STOP appears, so that the other writer's last round is annotated too.
  for (let last = false; !last; ) {
    last = fs.existsSync(stop);
    for (const file of articles(dir)) {
      const o = await annotateFile(file, `${file}.factmark.yaml`);
      if (o.status === 'failed') throw new Error(`annotate failed: ${o.reason}`);
    }
  }
}

async function confirmLoop(dir: string, rounds: number): Promise<void> {
  const written: Record<string, string[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const file of articles(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      const words = [...text.matchAll(/[a-z]{4,}/g)];
      const word = words[round % words.length];
      const id = `c${round}`;
      for (;;) {
        const sidecar = `${file}.factmark.yaml`;
        const original = fs.existsSync(sidecar) ? fs.readFileSync(sidecar, 'utf8') : undefined;
        const reading = original !== undefined ? readSidecar(original, text) : undefined;
        if (reading && !reading.document) throw new Error(`unreadable sidecar ${sidecar}`);
        const base: AnnotatedDocument = reading?.document ?? { path: path.basename(file), annotations: [], facts: [] };
        const annotations = base.annotations.filter((a) => a.status !== 'suggested');
        annotations.push({ id, type: 'MISC', start: word.index, end: word.index + word[0].length, text: word[0], status: 'confirmed' });
        annotations.sort((a, b) => a.start - b.start || a.end - b.end);
        const next = updateSidecar(original, { document: { ...base, annotations }, text });
        try {
          await writeFileAtomic(sidecar, next, { ifUnchanged: original ?? null });
          break;
        } catch (e) {
          if (!isChangedOnDisk(e)) throw e;
        }
      }
      (written[path.basename(file)] ??= []).push(id);
    }
  }
  process.stdout.write(`${JSON.stringify(written)}\n`);
}

const [role, dir, arg] = process.argv.slice(2);
(role === 'annotate' ? annotateLoop(dir, arg) : confirmLoop(dir, Number(arg))).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
