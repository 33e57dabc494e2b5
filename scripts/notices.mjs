// Writes the licence notices of every npm package bundled into the shipped files (the extension and
// the webview scripts): MIT, ISC and BSD licences ask that their copyright notice travel with copies,
// and esbuild's legal-comment extraction finds none in most of these packages (they keep it in LICENSE).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package folders (node_modules/name or node_modules/@scope/name) that esbuild metafiles list as inputs. */
export function bundledPackages(metafiles) {
  const dirs = new Set();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = input.match(/^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//);
      if (m) dirs.add(m[1]);
    }
  }
  return [...dirs].sort();
}

/** Writes one notice per package: name, version, licence id and the licence file's text. Returns the package count. */
export function writeNotices(file, packageDirs) {
  const parts = [];
  for (const dir of packageDirs) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = existsSync(dir) ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined;
    const text = licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : `(no licence file in the package; licence: ${pkg.license ?? 'unknown'})`;
    parts.push(`${pkg.name} ${pkg.version} (${pkg.license ?? 'unknown'})\n${'-'.repeat(60)}\n${text}\n`);
  }
  writeFileSync(file, `Third-party software bundled in Factmark\n\n${parts.join('\n')}`);
  return parts.length;
}
