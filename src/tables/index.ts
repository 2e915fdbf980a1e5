// The statutory tables' layout, defined once in templates/tables.yaml (user-replaceable wording) and
// read by every writer (HTML partials via the `layout` context, xlsx) and by the workbook importer.
//
//   const layouts = loadTableLayouts(templatesDir?)   // TableLayouts { file, meta, tables[] }; or layered folders,
//                                                      // each tables.yaml holding only what it changes (overlay.ts)
//   tableLayout(layouts, 't2')                        // one TableLayout by id (t1 … t11, performance)
//   matchTitle('表2 部门收入总体情况表', layouts)       // the layout a sheet's title cell names, or undefined
//   titleVariants(layout)                             // normalized titles it is known by
//   matchWholeTitle('表 7 “三公”经费…支出表', layouts) // a published title line: the whole title, not its end
//   leafColumns(layout)                               // [{ index, key, kind, labels: ['财政拨款（补助）', '一般公共预算'], number: '2' }]
//   headerGrid(layout)                                // the header rows as a (row, column) grid of cells with their spans
//   headerHeight(layout)                              // header rows, the ※/1/2/3 row included
//   rowParents(layout.body.rows)                      // each fixed row's parent row (index; -1: the total's)
//
// A layout: id, no (表 N), title, variants, orientation (landscape for 2, 4, 7, 11, performance),
// header (rows of {label, colspan, rowspan}), columns ({key, kind: code|name|amount|text}, left to right),
// column_numbers (whether the ※/1/2/3 row follows), body ({kind, total: {label, right_label?}, rows:
// fixed rows {key, label, level}, height, fields}), empty (sentence for an empty table, Handlebars).
// Column keys: table 2 cls/kind/item/name/total/fiscal/general/…/carryover_nonfiscal; table 7 …/project/
// total/301…399; see templates/tables.yaml. Body kinds are documented on BodyKind in layout.ts.
export {
  headerGrid, headerHeight, leafColumns, parseTableLayouts, rowParents, tableLayout, tableLayoutsOf, TableLayoutError,
  type Body, type BodyKind, type Column, type ColumnKind, type FixedRow, type HeaderCell, type LeafColumn,
  type Orientation, type TableLayout, type TableLayouts,
} from './layout.js';
export { loadTableLayouts, TABLES_FILE } from './load.js';
export { mergeTableLayouts, type LayoutSource } from './overlay.js';
export { matchTitle, matchWholeTitle, normalizeTitle, titleVariants } from './titles.js';
export { bestLayoutSet, layoutSets, type LayoutSet } from './sets.js';
