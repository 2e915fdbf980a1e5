import { economic } from './economic.js';
import { functional } from './functional.js';

export { economic, functional };

export type CodeKind = 'functional' | 'economic';

const catalogs: Readonly<Record<CodeKind, Readonly<Record<string, string>>>> = { functional, economic };

/** Name of a code, or undefined when the catalog lacks it. */
export function codeName(kind: CodeKind, code: string): string | undefined {
  const catalog = catalogs[kind];
  // Own keys only: a code like 'constructor' must not resolve through the prototype.
  return Object.hasOwn(catalog, code) ? catalog[code] : undefined;
}

/** 类 codes of the functional classification in official order (tables 1 and 4 list all of them). */
export const functionalClasses: readonly string[] = Object.freeze(
  // Official order is ascending code order (218, 225, 226, 228 simply do not exist).
  Object.keys(functional)
    .filter((code) => code.length === 3)
    .sort((a, b) => Number(a) - Number(b)),
);
