export { startPreview, type Preview, type PreviewBuild, type PreviewOptions } from './server.js';
export { previewPage, panel, type PageState } from './page.js';
