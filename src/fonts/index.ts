export { carriesFonts, documentFonts, embedFonts } from './embed.js';
export { documentCharacters } from './document-characters.js';
export { subsetChunks } from './subset.js';
