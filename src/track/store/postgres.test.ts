import { test } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runStoreSuite } from '../../../test/helpers/track/store-suite.js';
import { PostgresStore } from './postgres.js';

const admin = process.env.STRATA_TEST_PG_URI;

if (!admin) {
  test('PostgresStore suite', (t) => {
    t.skip('STRATA_TEST_PG_URI is not set; start a server with `eval "$(scripts/start-postgres.sh)"` to run the PostgreSQL store suite');
  });
} else {
  let n = 0;
  /** Each store gets a fresh database on the test server. */
  const fresh = async (): Promise<PostgresStore> => {
    const name = `strata_test_${process.pid}_${Date.now()}_${n++}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return PostgresStore.open(url.toString(), { artifactRoot: join(mkdtempSync(join(tmpdir(), 'strata-pg-art-')), 'artifacts') });
  };
  runStoreSuite('PostgresStore', fresh);

  test('PostgresStore: a wrong URI says how to fix it', async () => {
    const { rejects } = await import('node:assert/strict');
    await rejects(PostgresStore.open('postgres://strata@127.0.0.1:1/none'), /Cannot open the PostgreSQL store at postgres:\/\/strata@127.0.0.1:1\/none: .*Check that the server runs/);
  });
}
