/** The CLI's help cannot drift from what it parses, and --version is the package's (issue 13). */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, MAIN_HELP } from '../../../src/cli/main';
import { CLI, factmark, root } from './run';

/** The options a help text lists: `-x, --name` or `--name` at the start of a line of its Options section. */
function listed(help: string): Set<string> {
  const section = help.split(/^Options:$/m)[1] ?? '';
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const m = /^ {2}(?:-(\w), )?--([\w-]+)/.exec(line);
    if (!m) continue;
    names.add(m[2]);
    if (m[1]) names.add(`-${m[1]}`);
  }
  return names;
}

describe('CLI help and options', () => {
  for (const command of COMMANDS) {
    it(`${command.name}: the help lists exactly the options it parses, with their short forms`, () => {
      const parsed = new Set<string>();
      for (const [name, o] of Object.entries(command.parseOptions)) {
        parsed.add(name);
        if (o.short) parsed.add(`-${o.short}`);
      }
      assert.deepEqual([...listed(command.help)].sort(), [...parsed].sort());
    });
  }

  it('the tool\'s help lists every command, once', () => {
    const section = MAIN_HELP.split(/^Commands:$/m)[1].split(/^Options:$/m)[0];
    const names = [...section.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]);
    assert.deepEqual(names, COMMANDS.map((c) => c.name));
  });

  it('--version prints the version of package.json', function () {
    if (!fs.existsSync(CLI)) return this.skip();
    const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
    const r = factmark(root, '--version');
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), version);
  });
});
