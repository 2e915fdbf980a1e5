// What adds up in a table of fixed rows, as the importer, audit and check all read it from the layout.
import { expect, it } from 'vitest';
import { loadTableLayouts, rowParents, tableLayout } from '../../src/tables/index.js';

it('a row is part of the nearest row above it of a lower level; the top level, of the total (-1)', () => {
  const t10 = tableLayout(loadTableLayouts(), 't10').body.rows;
  // 因公出国（境）费, 公务接待费, 公务用车购置及运行费 (小计) with its two 其中.
  expect(t10.map((r) => r.key)).toEqual(['overseas', 'reception', 'vehicles', 'vehicle_purchase', 'vehicle_operation']);
  expect(rowParents(t10)).toEqual([-1, -1, -1, 2, 2]);
  expect(rowParents([{ level: 1 }, { level: 2 }, { level: 3 }, { level: 2 }, { level: 1 }, { level: 2 }])).toEqual([-1, 0, 1, 0, -1, 4]);
});
