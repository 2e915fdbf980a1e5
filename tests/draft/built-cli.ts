// The command line as a user runs it: `node bin/yusuan.js …` from the compiled dist/. `npm test`
// compiles first; run alone, these tests compile when dist/ is missing or older than src/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const path = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(path) : e.name.endsWith('.ts') ? statSync(path).mtimeMs : 0);
  }, 0);
}

export function ensureBuilt(): void {
  const built = join(ROOT, 'dist/cli/index.js');
  if (existsSync(join(ROOT, 'dist/cli/draft.js')) && existsSync(built) && statSync(built).mtimeMs >= newest(join(ROOT, 'src'))) return;
  // Type errors elsewhere do not stop tsc from emitting; the commands under test are checked below.
  spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { encoding: 'utf8' });
  if (!existsSync(join(ROOT, 'dist/cli/draft.js'))) throw new Error('dist/cli/draft.js missing after tsc -p .');
}

export function yusuan(args: string[], cwd = ROOT) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/yusuan.js'), ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '' } });
}
