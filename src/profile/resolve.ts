// Which folders a render reads, most specific first: `--templates DIR`, then the profile's folder,
// then the bundled templates/ (the default profile). A file is taken from the first folder that has
// it; profile.yaml settings are layered key by key in the same order.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProfileError } from './settings.js';

export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
/** Bundled profiles: profiles/<name>/, each a template folder holding only what it changes. */
export const PROFILES_DIR = fileURLToPath(new URL('../../profiles/', import.meta.url));
export const DEFAULT_PROFILE_NAME = 'default';

/** Names of the bundled profiles, `default` (the bundled templates/) first. */
export function profileNames(): string[] {
  const own = existsSync(PROFILES_DIR) ? readdirSync(PROFILES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
  return [DEFAULT_PROFILE_NAME, ...own.filter((n) => n !== DEFAULT_PROFILE_NAME)];
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** A profile given as a bundled name (`default`, `yuan`) or as a folder (a path, absolute or relative). */
export function profileDir(nameOrDir: string): string {
  const bare = !/[\\/]/.test(nameOrDir) && !nameOrDir.startsWith('.');
  if (bare && nameOrDir === DEFAULT_PROFILE_NAME) return DEFAULT_TEMPLATES;
  if (bare && isDir(resolve(PROFILES_DIR, nameOrDir))) return resolve(PROFILES_DIR, nameOrDir);
  const dir = isAbsolute(nameOrDir) ? nameOrDir : resolve(nameOrDir);
  if (isDir(dir)) return dir;
  const names = profileNames().join('、');
  throw new ProfileError(`找不到配置 ${nameOrDir}：内置的配置有 ${names}，或给出一个模板目录。 No profile ${nameOrDir}: the bundled ones are ${profileNames().join(', ')}, or give a template folder.`);
}

export interface TemplateSource {
  /** A bundled profile's name or a profile folder. Default: the bundled templates. */
  profile?: string;
  /** A template folder over the profile: only the files it changes. */
  templates?: string;
}

/** The folders to read, most specific first, the bundled templates last. */
export function templateLayers(source: TemplateSource = {}): string[] {
  // An overlay may hold any subset of the files, but a mistyped folder must not silently mean "none".
  if (source.templates !== undefined && !isDir(resolve(source.templates)))
    throw new ProfileError(`找不到模板目录 ${source.templates}。 No template folder ${source.templates}.`);
  const layers = [source.templates, source.profile === undefined ? undefined : profileDir(source.profile), DEFAULT_TEMPLATES]
    .filter((d): d is string => d !== undefined)
    .map((d) => resolve(d));
  return layers.filter((d, i) => layers.indexOf(d) === i);
}
