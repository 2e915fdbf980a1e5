import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROFILE, parseProfile, PROFILE_FILE, withSettings, type Profile } from './settings.js';

/** The settings of the layers' profile.yaml files, the least specific first, over the defaults. */
export function loadProfile(layers: readonly string[]): Profile {
  let profile = DEFAULT_PROFILE;
  for (const dir of [...layers].reverse()) {
    const file = join(dir, PROFILE_FILE);
    if (existsSync(file)) profile = withSettings(profile, parseProfile(readFileSync(file, 'utf8'), file));
  }
  return profile;
}
