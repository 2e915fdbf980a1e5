// check: rules over loaded data, each returning findings. Filled in by the checker rules.
import type { Finding } from '../findings.js';
import type { Loaded } from '../load/load.js';

export interface CheckOptions {
  /** Publication mode: draft placeholders are errors. */
  strict?: boolean;
}

export function check(loaded: Loaded, _options: CheckOptions = {}): Finding[] {
  return loaded.findings;
}
