import { existsSync } from 'node:fs';

let root: URL | undefined;

/**
 * A file shipped with the tool, by its path from the package's root (the folder of its
 * package.json): the same answer from the compiled modules in dist/, the bundle in dist/bundle/
 * and the sources under test, whatever their depth.
 */
export function packageFile(path: string): URL {
  if (root === undefined) {
    let dir = new URL('.', import.meta.url);
    for (let up = 0; up < 8 && !existsSync(new URL('package.json', dir)); up++) dir = new URL('..', dir);
    root = dir;
  }
  return new URL(path, root);
}
