import type { FastifyInstance, FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';

/** A file served from memory, read once (with the console's first request). */
interface Asset {
  type: string;
  body: Buffer;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The ES modules of the page's two libraries, from the installed packages (no CDN, no build): each
 * package's ESM build sits beside the CommonJS file `require` resolves (`dist/preact.js` and
 * `dist/preact.mjs`).
 */
function vendorFiles(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const esm = (specifier: string) => {
    const path = require.resolve(specifier).replace(/\.(c?js|umd\.js)$/, '.mjs');
    if (!existsSync(path)) throw new Error(`the console needs ${specifier}'s ES module build, not found at ${path}`);
    return path;
  };
  return { 'preact.mjs': esm('preact'), 'hooks.mjs': esm('preact/hooks'), 'htm.mjs': esm('htm') };
}

/** Every file under the console's folder, by its path relative to it (`views/topics.js`). */
function pageFiles(dir: string, base = dir): Map<string, Asset> {
  const out = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of pageFiles(path, base)) out.set(k, v);
    else if (TYPES[extname(name)]) out.set(relative(base, path).split('\\').join('/'), { type: TYPES[extname(name)], body: readFileSync(path) });
  }
  return out;
}

/** The import map the page's modules resolve `preact`, `preact/hooks` and `htm` through. */
const IMPORT_MAP = JSON.stringify({ imports: { preact: './vendor/preact.mjs', 'preact/hooks': './vendor/hooks.mjs', htm: './vendor/htm.mjs' } });

interface LoadedConsole {
  files: Map<string, Asset>;
  vendor: Map<string, Asset>;
  index: Buffer;
  csp: string;
}

/** The console's files and libraries, read into memory, and the page's Content-Security-Policy. */
function loadConsole(consoleDir: string): LoadedConsole {
  const files = pageFiles(consoleDir);
  const vendor = new Map(Object.entries(vendorFiles()).map(([name, path]) => [name, { type: TYPES['.mjs'], body: readFileSync(path) }]));
  const template = files.get('index.html');
  if (!template) throw new Error(`the console's index.html is missing from ${consoleDir}`);
  const index = Buffer.from(template.body.toString('utf8').replace('<!--IMPORT_MAP-->', `<script type="importmap">${IMPORT_MAP}</script>`));
  const mapHash = createHash('sha256').update(IMPORT_MAP).digest('base64');
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'sha256-${mapHash}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { files, vendor, index, csp };
}

/**
 * The emulator's web console, under `/ui/`: a static page (the `console/` folder of the package)
 * that reads the emulator through its own APIs. Its Content-Security-Policy allows no other
 * origin, so the page cannot fetch anything from another host even by mistake. Its files are read
 * by the first request of the console, not by every start.
 */
export function registerConsole(app: FastifyInstance, consoleDir: string): void {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error(`the console's index.html is missing from ${consoleDir}`);
  let loaded: LoadedConsole | undefined;
  const load = () => (loaded ??= loadConsole(consoleDir));

  const send = (reply: FastifyReply, asset: Asset) =>
    reply
      .header('content-type', asset.type)
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', load().csp)
      .header('referrer-policy', 'no-referrer')
      .send(asset.body);
  const notFound = (reply: FastifyReply, path: string) =>
    reply.code(404).type('text/plain; charset=utf-8').send(`The console has no file ${path}`);

  const hide = { schema: { hide: true } };
  app.get('/', hide, (_req, reply) => reply.redirect('/ui/', 302));
  app.get('/ui', hide, (_req, reply) => reply.redirect('/ui/', 302));
  app.get('/ui/', hide, (_req, reply) => send(reply, { type: TYPES['.html'], body: load().index }));
  app.get('/ui/vendor/:file', hide, (req, reply) => {
    const file = (req.params as { file: string }).file;
    const asset = load().vendor.get(file);
    return asset ? send(reply, asset) : notFound(reply, `vendor/${file}`);
  });
  app.get('/ui/*', hide, (req, reply) => {
    const path = (req.params as { '*': string })['*'];
    const asset = path === 'index.html' ? undefined : load().files.get(path);
    return asset ? send(reply, asset) : notFound(reply, path);
  });
}
