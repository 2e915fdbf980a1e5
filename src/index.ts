// The library API; the CLI is a thin layer over it.
export { build, buildOne, load, FORMATS, type BuildOptions, type BuildResult, type Format, type PrintFn } from './build.js';
export { loadText, type Loaded } from './load/load.js';
export { check, type CheckOptions } from './check/index.js';
export { compute, type View } from './compute/index.js';
export { render, type Rendered } from './render/index.js';
export { loadTemplates, DEFAULT_TEMPLATES } from './render/templates.js';
export { formatFinding, formatFindings } from './report/format.js';
export type { Finding, Position, Severity } from './findings.js';
export type { DisclosureData } from './model.js';
