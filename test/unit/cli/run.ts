/** Running the built CLI (dist/cli.js) as a process, for the CLI tests. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../fixtures/paths';

export const root = repoRoot;
export const CLI = path.join(root, 'dist/cli.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function factmark(cwd: string, ...args: string[]): Run {
  return factmarkWith({}, cwd, ...args);
}

/** {@link factmark} with variables added to the environment (`FACTMARK_TEXT_STORE`: see test/fixtures/paths.ts). */
export function factmarkWith(env: Record<string, string>, cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder holding `files` (name → content), removed by `cleanup`. */
export function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

export const STORY = 'Gen. Kim Yong-chol met U.S. officials in Panmunjom.\n';
export const STORY_SIDECAR = `factmark: 1
document:
  path: story.txt
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 5
    end: 18
    quote: Kim Yong-chol
    status: confirmed
  - id: a2
    type: PLACE
    start: 41
    end: 50
    quote: Panmunjom
    status: suggested
`;
