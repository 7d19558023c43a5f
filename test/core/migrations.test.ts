import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../src/store/migrations.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../src/store/migrations');

describe('store migrations', () => {
  it('are numbered files, consecutive from 01, each listed once and in order by the index', () => {
    const files = readdirSync(DIR).filter((f) => /^\d+-.+\.ts$/.test(f)).sort();
    expect(files.map((f) => Number(f.split('-')[0]))).toEqual(files.map((_, i) => i + 1));
    const listed = [...readFileSync(join(DIR, 'index.ts'), 'utf8').matchAll(/from '\.\/(\d+-[^']+)\.js'/g)].map((m) => `${m[1]}.ts`);
    expect(listed).toEqual(files);
    expect(schemaVersion()).toBe(files.length);
  });

  it('bring a fresh store to the last version in one go, and leave an up-to-date one alone', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion());
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get();
    migrate(db);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(tables);
    db.close();
  });
});
