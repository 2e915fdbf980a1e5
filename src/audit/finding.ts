// An audit finding: where in the published document (page, line), the text it quotes, what the
// document's own figures imply instead. Notes are differences that rounding of printed figures explains.
import type { Where } from '../published/model.js';

export interface AuditFinding extends Where {
  code: string;
  severity: 'error' | 'warning' | 'note';
  /** Chinese first, then English. */
  message: string;
  quote: string;
  file?: string;
}

export type Report = (f: Omit<AuditFinding, 'file'>) => void;
