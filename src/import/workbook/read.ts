// A workbook file → sheets as grids, through SheetJS (@e965/xlsx), which reads both the legacy
// `.xls` (BIFF8) that government systems still export and `.xlsx`. What cannot be read is a
// finding, never an exception: too large (checked before reading), not a workbook, encrypted.
import { readFileSync, statSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Finding } from '../../findings.js';
import type { Cell, Sheet } from './grid.js';

/** A budget system's export is well under 1 MB; a larger file is refused unread. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

export interface ReadWorkbook {
  sheets: Sheet[];
  findings: Finding[];
  /** The workbook's own title (File › Properties; yusuan writes `…2024年单位预算公开`), when it has one. */
  title?: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function atFile(file: string, code: string, message: string, sheet = ''): Finding {
  return { code, severity: 'error', message, path: '', file, cell: { sheet, ref: '' } };
}

function notWorkbook(file: string, why: string): Finding {
  return atFile(file, 'NOT_A_WORKBOOK', `不是 Excel 工作簿（${why}）：请提供预算系统导出的 .xlsx 或 .xls 文件。 Not an Excel workbook (.xlsx or .xls).`);
}

function encrypted(file: string): Finding {
  return atFile(file, 'ENCRYPTED_WORKBOOK', '工作簿设有打开密码，无法读取：请在 Excel 中取消密码后另存。 The workbook is password-protected; save a copy without the password.');
}

export function readWorkbookFile(file: string): ReadWorkbook {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_WORKBOOK_BYTES) {
      const mb = (MAX_WORKBOOK_BYTES / 1024 / 1024).toFixed(0);
      return { sheets: [], findings: [atFile(file, 'FILE_TOO_LARGE', `工作簿超过 ${mb} MB（${(size / 1024 / 1024).toFixed(0)} MB），未读取。 The workbook is larger than ${mb} MB and was not read.`)] };
    }
    bytes = readFileSync(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? `找不到工作簿。 No such file: ${file}`
      : code === 'EISDIR' ? `这是一个目录，不是工作簿。 ${file} is a directory.`
      : `无法读取工作簿。 Cannot read ${file}: ${(cause as Error).message}`;
    return { sheets: [], findings: [atFile(file, 'READ_ERROR', message)] };
  }
  return readWorkbookBytes(bytes, file);
}

function readWorkbookBytes(bytes: Buffer, file: string): ReadWorkbook {
  const zip = startsWith(bytes, ZIP);
  if (!zip && !startsWith(bytes, CFB)) return { sheets: [], findings: [notWorkbook(file, bytes.length === 0 ? '文件为空' : '文件头不是 xlsx 或 xls')] };
  // An encrypted .xlsx is a compound file holding the encrypted package instead of a zip.
  if (!zip) {
    try {
      const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
      if (cfb.FullPaths.some((p: string) => /\/(EncryptionInfo|EncryptedPackage)$/.test(p))) return { sheets: [], findings: [encrypted(file)] };
    } catch {
      return { sheets: [], findings: [notWorkbook(file, '复合文档已损坏')] };
    }
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', cellStyles: true, dense: true, cellDates: false, cellHTML: false, cellFormula: false });
  } catch (cause) {
    const message = String((cause as Error)?.message ?? '');
    if (/password|encrypt/i.test(message)) return { sheets: [], findings: [encrypted(file)] };
    return { sheets: [], findings: [notWorkbook(file, message || '无法解析')] };
  }
  const findings: Finding[] = [];
  const sheets: Sheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    const hidden = wb.Workbook?.Sheets?.[i]?.Hidden;
    if (hidden) {
      findings.push({ code: 'IMPORT_SKIPPED', severity: 'note', path: '', file, cell: { sheet: name, ref: '' },
        message: `工作表“${name}”已隐藏，未读取。 Hidden sheet skipped.` });
      return;
    }
    sheets.push(toSheet(wb.Sheets[name]!, name, file));
  });
  return { sheets, findings, title: wb.Props?.Title || undefined };
}

/**
 * A numeric cell's text: Excel keeps 15 significant digits, so the float is read back at that
 * precision (447340 stays 447340, 0.1 + 0.2 stored as 0.30000000000000004 reads 0.3), never
 * through arithmetic on the float.
 */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(15)));
}

function toSheet(ws: XLSX.WorkSheet, name: string, file: string): Sheet {
  const data = ((ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: (Cell | undefined)[][] = data.map((row) =>
    (row ?? []).map((cell): Cell | undefined => {
      if (!cell || cell.v === undefined || cell.v === null || cell.t === 'z') return undefined;
      if (cell.t === 'n') return { text: numberText(cell.v as number), numeric: true };
      if (cell.t === 'e') return { text: String(cell.w ?? '#ERROR'), numeric: false };
      return { text: String(cell.v), numeric: false };
    }),
  );
  const hiddenRows = new Set<number>();
  (ws['!rows'] ?? []).forEach((info, r) => {
    if (info?.hidden) hiddenRows.add(r);
  });
  return { file, name, rows, hiddenRows, merges: (ws['!merges'] ?? []) as Sheet['merges'] };
}
