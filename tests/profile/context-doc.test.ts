// docs/template-context.md is generated from the view's types and their JSDoc (scripts/context-doc.js,
// `npm run context-doc`): it fails while the committed file is stale, and every field has a meaning.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTEXT_DOC, contextDoc } from '../../scripts/context-doc.js';
import { compute, DEFAULT_PROFILE, loadText, numberFormat } from '../../src/index.js';

const committed = readFileSync(fileURLToPath(new URL(`../../${CONTEXT_DOC}`, import.meta.url)), 'utf8');
const generated: string = contextDoc({ compute, loadText, numberFormat, DEFAULT_PROFILE });

describe('docs/template-context.md', () => {
  it('is what npm run context-doc writes from the current view (regenerate it when this fails)', () => {
    expect(committed).toBe(generated);
  });

  it('gives every field of the view and every helper a meaning (JSDoc)', () => {
    const undocumented = generated.split('\n').filter((line) => /^\| `[^`]+` \|.*\| — \|/.test(line) || /^\| `[^`]+` \| — \|$/.test(line));
    expect(undocumented).toEqual([]);
  });

  it('lists what the templates use, with the reference\'s values as the templates show them', () => {
    expect(generated).toContain('| `part3.total` | figure | 收支总预算 (table 1\'s total). | 335.37 |');
    expect(generated).toContain('| `part3.expenditure.basic.share` | figure or null | Share of the whole it belongs to, in percent; null where no share is shown. | 80.62 |');
    expect(generated).toContain('| `unit.name` | text |');
    expect(generated).toMatch(/\| `share` \| `\{\{share part whole\}\}`/);
  });
});
