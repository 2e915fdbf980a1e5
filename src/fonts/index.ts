export { carriesFonts, documentFonts, embedFonts } from './embed.js';
export { documentCharacters } from './document-characters.js';
export { forgetSubsets, subsetChunks } from './subset.js';
export { sfntToWoff2 } from './woff2-write.js';
