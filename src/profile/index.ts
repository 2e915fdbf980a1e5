// Profiles: a template folder plus profile.yaml, the settings of how figures are shown.
//
//   const layers = templateLayers({ profile: 'yuan', templates: 'my-templates' })  // folders, most specific first
//   const profile = loadProfile(layers)                                           // settings layered over the defaults
//   const f = numberFormat(profile); f.amount(x); f.rate(x); f.cellValue(x)       // figures as shown
//   roundShareGroups(view, profile.decimals.rate)                                 // shares forced to sum to 100
export { DEFAULT_PROFILE, parseProfile, PROFILE_FILE, ProfileError, withSettings, type DisplayUnit, type Profile, type ShareRounding } from './settings.js';
export { numberFormat, unitLine, type NumberFormat } from './numbers.js';
export { largestRemainder, roundShareGroups } from './shares.js';
export { DEFAULT_PROFILE_NAME, DEFAULT_TEMPLATES, PROFILES_DIR, profileDir, profileNames, templateLayers, type TemplateSource } from './resolve.js';
export { loadProfile } from './load.js';
