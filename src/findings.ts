// Bad data is reported as findings (values), never thrown: the checker collects them all at once
// and only the CLI turns them into an exit code.

export type Severity = 'error' | 'warning' | 'note';

export interface Position {
  line: number; // 1-based
  col: number; // 1-based
  /** Offsets into the source, for the `^^^` marker. */
  start: number;
  end: number;
}

export interface Finding {
  code: string;
  severity: Severity;
  /** Message, Chinese first then English. */
  message: string;
  /** Dotted key path in the data file, e.g. `budget[2].basic.general`. */
  path: string;
  file?: string;
  pos?: Position;
  /** A spreadsheet cell, for a finding about a workbook (`yusuan import`): printed `file [sheet] D12`. */
  cell?: { sheet: string; ref: string };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
