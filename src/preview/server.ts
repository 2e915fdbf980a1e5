// `yusuan preview`: a server on 127.0.0.1 that serves one data file's document, rebuilds it when the
// data, its shared catalog or a template changes, and tells open pages to reload (server-sent
// events). Three paths exist — the page, the event stream and the bundled fonts — and nothing else:
// no file of the user's is ever served, and a request naming another host is refused, so a web page
// elsewhere cannot reach the server through a DNS name it points at 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, resolve } from 'node:path';
import { produce } from '../document.js';
import type { Finding } from '../findings.js';
import { bundledFontChunks, fontFaceCss } from '../print/font-face-css.js';
import { templateLayers } from '../profile/index.js';
import { previewPage, type PageState } from './page.js';
import { folderTargets, watchFiles, type WatchTarget } from './watch.js';

export interface PreviewOptions {
  /** A template folder over the profile, as for build; watched too. Default: none. */
  templatesDir?: string;
  /** A bundled profile's name or a profile folder, as for build; watched too. Default: the bundled templates. */
  profile?: string;
  /** Port on 127.0.0.1; 0 (the default) takes any free port. */
  port?: number;
  /** Publication mode, as `check --strict`. Default false. */
  strict?: boolean;
  /** Quiet time after a change before rebuilding, in ms. Default 60. */
  debounceMs?: number;
  /** Called after every build (also the first), e.g. to log it. */
  onBuild?: (build: PreviewBuild) => void;
}

export interface PreviewBuild {
  findings: readonly Finding[];
  /** A failure that stopped the build before it had findings (a template error, say). */
  failure?: string;
  /** Whether the page now shows this build's document (false: the last good one, or none). */
  shown: boolean;
  ms: number;
  version: string;
}

export interface Preview {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  /** Rebuilds now (as a change would) and returns the build. */
  rebuild(): PreviewBuild;
  /** Ends the event streams, the watchers and the server. */
  close(): Promise<void>;
}

const FONT_PREFIX = '/fonts/';
/** The @font-face rules, a stylesheet of their own so a reload does not parse ~400 rules again. */
const FONT_CSS = '/fonts/faces.css';
const ALLOWED_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** The bundled woff2 files by the URL the page asks for them (`/fonts/<file name>`). */
function fontFiles(): { css: string; files: Map<string, string> } {
  const chunks = bundledFontChunks();
  const files = new Map<string, string>();
  const url = (file: string) => {
    const path = FONT_PREFIX + encodeURIComponent(basename(file));
    files.set(path, file);
    return path;
  };
  return { css: fontFaceCss(chunks, url), files };
}

/** `Host: 127.0.0.1:PORT` or `localhost:PORT`; anything else is another site's name for us. */
function hostAllowed(host: string | undefined, port: number): boolean {
  const m = /^([^:]+|\[[^\]]+\])(?::(\d+))?$/.exec(host ?? '');
  return m !== null && ALLOWED_HOSTS.has(m[1]!.toLowerCase()) && (m[2] === undefined || Number(m[2]) === port);
}

function csp(nonce: string): string {
  // Inline <style> elements are the templates' own (data text cannot make one); the one script is ours.
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The shared catalog file a data file names, resolved as load/shared-catalog.ts does. */
function sharedCatalog(file: string, data: { catalog?: { file?: string } } | undefined): string | undefined {
  const rel = data?.catalog?.file;
  return rel ? resolve(dirname(file), rel) : undefined;
}

export async function startPreview(file: string, options: PreviewOptions = {}): Promise<Preview> {
  const { templatesDir, profile } = options;
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`找不到数据文件 ${file}。 No such data file: ${file}`);
  // Every folder the document is read from (the overlay, the profile's, the bundled one) is watched.
  const layers = templateLayers({ templates: templatesDir, profile });

  const fonts = fontFiles();
  const boot = randomBytes(4).toString('hex');
  let builds = 0;
  let catalogFile: string | undefined;
  const state: PageState = { findings: [], version: '', file };
  const streams = new Set<ServerResponse>();

  const targets = (): WatchTarget[] => {
    const data = resolve(file);
    const list: WatchTarget[] = [{ dir: dirname(data), names: [basename(data)] }, ...layers.flatMap((dir) => folderTargets(dir))];
    if (catalogFile) list.push({ dir: dirname(catalogFile), names: [basename(catalogFile)] });
    return list;
  };

  const rebuild = (): PreviewBuild => {
    const started = performance.now();
    let shown = false;
    state.failure = undefined;
    try {
      const produced = produce(file, { templatesDir, profile, strict: options.strict });
      state.findings = produced.findings;
      catalogFile = sharedCatalog(file, produced.loaded.data) ?? catalogFile;
      if (produced.document) {
        state.html = produced.document.html;
        shown = true;
      }
    } catch (error) {
      // A template that does not compile, a folder that went away: shown in the panel, the last good document kept.
      state.findings = [];
      state.failure = `生成失败 Build failed: ${(error as Error).message}`;
    }
    state.version = `${boot}-${++builds}`;
    for (const res of streams) res.write(`event: version\ndata: ${state.version}\n\n`);
    const build: PreviewBuild = { findings: state.findings, failure: state.failure, shown, ms: performance.now() - started, version: state.version };
    options.onBuild?.(build);
    return build;
  };

  const watcher = watchFiles([], () => {
    rebuild();
    // A new template sub-folder or another shared catalog: watch what the build now reads.
    watcher.update(targets());
  }, options.debounceMs);
  rebuild();
  watcher.update(targets());

  let port = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden: not a local host name\n');
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const get = req.method === 'GET' || req.method === 'HEAD';
    const base = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (get && (path === '/' || path === '/index.html')) {
      const nonce = randomBytes(16).toString('base64');
      res.writeHead(200, { ...base, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp(nonce) });
      res.end(req.method === 'HEAD' ? undefined : previewPage(state, nonce, FONT_CSS));
    } else if (get && path === '/events') {
      res.writeHead(200, { ...base, 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      // A short retry: after a restart of `preview`, open pages find the new server quickly.
      res.write(`retry: 500\nevent: version\ndata: ${state.version}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
    } else if (get && path === FONT_CSS) {
      res.writeHead(200, { ...base, 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=86400' });
      res.end(req.method === 'HEAD' ? undefined : fonts.css);
    } else if (get && fonts.files.has(path)) {
      const font = readFileSync(fonts.files.get(path)!);
      res.writeHead(200, { ...base, 'content-type': 'font/woff2', 'cache-control': 'max-age=86400, immutable' });
      res.end(req.method === 'HEAD' ? undefined : font);
    } else {
      res.writeHead(404, { ...base, 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', fail);
        ok();
      });
    });
  } catch (cause) {
    watcher.close();
    const code = (cause as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE' ? `端口 ${options.port} 已被占用。 Port ${options.port} is in use.` : `无法在 127.0.0.1 上监听。 Cannot listen on 127.0.0.1: ${(cause as Error).message}`,
      { cause },
    );
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    rebuild,
    close() {
      closing ??= new Promise<void>((done) => {
        watcher.close();
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => done());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
