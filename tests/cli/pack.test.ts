// Installed as a user installs it: scripts/pack-check.sh packs the project, installs the tarball
// with `npm install -g` into a temporary prefix and runs --version, check, build and init from a
// folder outside the project. dist/ is fresh here (npm test compiles first), so it packs without
// running `prepare` again; run the script alone for the full check.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../draft/built-cli.js';
import { ROOT } from '../draft/helpers.js';

beforeAll(() => ensureBuilt(), 120_000);

describe('the packed package', () => {
  it('installs and runs from another folder', () => {
    const run = spawnSync('bash', ['scripts/pack-check.sh'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PACK_CHECK_SKIP_PREPARE: '1' }, timeout: 170_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('pack-check: yusuan build --format md,html: 2024-info-center.html 2024-info-center.md');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('pack-check: ok');
    expect(run.status).toBe(0);
  }, 180_000);
});
