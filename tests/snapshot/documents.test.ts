// Snapshot testing of the published text — the example the recipe in README.md describes. Each
// document's plain text (what `yusuan build --format txt` writes) is kept in __snapshots__/; a data
// or template change that alters any published sentence or table cell fails here with a line diff.
// After a deliberate change: `npx vitest run tests/snapshot -u`, then review the snapshot's diff.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/index.js'; // in a unit's own project: from 'yusuan'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const DOCUMENTS: Record<string, string> = {
  '2024-info-center': here('../../data/2024-info-center.yaml'),
  'county-bureau': here('../fixtures/golden/county-bureau/data.yaml'),
};

describe.each(Object.entries(DOCUMENTS))('%s', (name, file) => {
  it('publishes the same text as last time', async () => {
    await expect(documentText(file)).toMatchFileSnapshot(`./__snapshots__/${name}.txt`);
  });
});
