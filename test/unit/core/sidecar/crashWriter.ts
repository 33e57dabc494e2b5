/**
 * Child process of crash.test.ts: rewrites one sidecar in a loop, alternating two contents, through
 * the atomic write the extension and the CLI use, until it is killed. Prints `ready` once the first
 * write is done. Usage: node crashWriter.js TARGET CONTENT_A CONTENT_B
 */
import * as fs from 'node:fs';
import { writeFileAtomic } from '../../../../src/node/fs';

async function main(): Promise<void> {
  const [target, a, b] = process.argv.slice(2);
  const contents = [fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8')];
  for (let i = 0; ; i++) {
    await writeFileAtomic(target, contents[i % 2]);
    if (i === 0) process.stdout.write('ready\n');
  }
}

void main();
