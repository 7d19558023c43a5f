/**
 * The baseline: the plainest Fastify + better-sqlite3 server with routes of the same shape as the
 * emulator's service-account routes (Basic auth, GET by id, keyset list with a total, create with
 * a unique display name), so that the emulator's figures can be read as a ratio to it.
 *
 *   node dist/bench/baseline-server.js --port 0 --dir <tmpdir> [--api-key K --api-secret S]
 *
 * Prints `baseline listening on <url>` once it accepts connections.
 */
import Fastify from 'fastify';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function flags(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    out[argv[i].slice(2)] = argv[i + 1] ?? '';
    i++;
  }
  return out;
}

const f = flags(process.argv.slice(2));
const port = Number(f.port ?? 0);
const ownDir = !f.dir;
const dir = f.dir ?? mkdtempSync(join(tmpdir(), 'ccloud-baseline-'));
const ORG = '11111111-1111-4111-8111-111111111111';
const expectedAuth = `Basic ${Buffer.from(`${f['api-key'] ?? 'EMULATORCLOUDKEY'}:${f['api-secret'] ?? 'emulator-cloud-secret-0000000000000000000000000000000000000000000'}`).toString('base64')}`;

const db = new Database(join(dir, 'baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
  CREATE TABLE IF NOT EXISTS service_accounts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id TEXT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS sa_by_name ON service_accounts (org_id, display_name);
  CREATE INDEX IF NOT EXISTS sa_by_org ON service_accounts (org_id, seq);
`);

const insert = db.prepare('INSERT INTO service_accounts (org_id, id, display_name, body, created_at) VALUES (?, ?, ?, ?, ?)');
const byId = db.prepare('SELECT * FROM service_accounts WHERE id = ? AND org_id = ?');
const page = db.prepare('SELECT * FROM service_accounts WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?');
const more = db.prepare('SELECT 1 FROM service_accounts WHERE org_id = ? AND seq > ? LIMIT 1');
const count = db.prepare('SELECT COUNT(*) AS n FROM service_accounts WHERE org_id = ?');

interface Row {
  seq: number;
  org_id: string;
  id: string;
  display_name: string;
  body: string;
  created_at: number;
}

const create = (id: string, displayName: string, description: string): Row => {
  const body = JSON.stringify({ display_name: displayName, description });
  const created_at = Date.now();
  const info = insert.run(ORG, id, displayName, body, created_at);
  return { seq: Number(info.lastInsertRowid), org_id: ORG, id, display_name: displayName, body, created_at };
};
if (!byId.get('sa-00000', ORG)) create('sa-00000', 'emulator-ci', 'A service account for automation');

const app = Fastify({ logger: false });
const base = (host: string | undefined) => `http://${host ?? '127.0.0.1'}`;

const render = (r: Row, host: string | undefined) => {
  const at = new Date(r.created_at).toISOString();
  return {
    api_version: 'iam/v2',
    kind: 'ServiceAccount',
    id: r.id,
    metadata: {
      self: `${base(host)}/iam/v2/service-accounts/${r.id}`,
      resource_name: `crn://confluent.cloud/organization=${r.org_id}/service-account=${r.id}`,
      created_at: at,
      updated_at: at,
    },
    ...JSON.parse(r.body),
  };
};

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** `sa-` and six random lowercase alphanumerics, like the emulator's ids. */
const newId = () => 'sa-' + Array.from(randomBytes(6), (b) => ALPHABET[b % 36]).join('');

const error = (status: number, code: string, detail: string) => ({ errors: [{ status: String(status), code, detail }] });

app.addHook('onRequest', async (req, reply) => {
  if (req.headers.authorization !== expectedAuth) {
    reply.code(401).header('www-authenticate', 'Basic realm="baseline"');
    return reply.send(error(401, 'unauthenticated', 'Bad credentials'));
  }
});

app.get<{ Params: { id: string } }>('/iam/v2/service-accounts/:id', async (req, reply) => {
  const row = byId.get(req.params.id, ORG) as Row | undefined;
  if (!row) return reply.code(404).send(error(404, 'not_found', `Service account ${req.params.id} not found`));
  return render(row, req.headers.host);
});

app.get<{ Querystring: { page_size?: string; page_token?: string } }>('/iam/v2/service-accounts', async (req, reply) => {
  const size = Math.min(100, Math.max(1, Number(req.query.page_size ?? 10) || 10));
  let after = 0;
  if (req.query.page_token) {
    after = Number(Buffer.from(req.query.page_token, 'base64url').toString('utf8'));
    if (!Number.isInteger(after)) return reply.code(400).send(error(400, 'invalid_page_token', 'Bad page token'));
  }
  const rows = page.all(ORG, after, size) as Row[];
  const last = rows[rows.length - 1];
  const url = `${base(req.headers.host)}/iam/v2/service-accounts`;
  const metadata: Record<string, unknown> = { first: `${url}?page_size=${size}` };
  if (last && more.get(ORG, last.seq)) metadata.next = `${url}?page_size=${size}&page_token=${Buffer.from(String(last.seq)).toString('base64url')}`;
  metadata.total_size = (count.get(ORG) as { n: number }).n;
  return { api_version: 'iam/v2', kind: 'ServiceAccountList', metadata, data: rows.map((r) => render(r, req.headers.host)) };
});

app.post<{ Body: { display_name?: unknown; description?: unknown } | undefined }>('/iam/v2/service-accounts', async (req, reply) => {
  const name = req.body?.display_name;
  if (typeof name !== 'string' || name === '') return reply.code(422).send(error(422, 'invalid_input', 'display_name is required'));
  const description = typeof req.body?.description === 'string' ? req.body.description : '';
  for (;;) {
    try {
      const row = create(newId(), name, description);
      const body = render(row, req.headers.host);
      return reply.code(201).header('location', body.metadata.self).send(body);
    } catch (err) {
      const message = (err as Error).message;
      if (message.includes('service_accounts.id')) continue; // an id drawn twice: draw again
      if (message.includes('UNIQUE constraint failed')) {
        return reply.code(409).send(error(409, 'resource_already_exists', `A service account named '${name}' already exists`));
      }
      throw err;
    }
  }
});

const address = await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`baseline listening on ${address}\n`);

const stop = async () => {
  await app.close();
  db.close();
  if (ownDir) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
