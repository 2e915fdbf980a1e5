// yusuan prints with the system's Chromium (src/print/find-chromium.ts): Puppeteer must never try to
// download a browser of its own, which fails on machines without general network access.
module.exports = { skipDownload: true };
