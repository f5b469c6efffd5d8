import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreSuite } from '../../../test/helpers/track/store-suite.js';
import { SqliteStore } from './sqlite.js';

runStoreSuite('SqliteStore', () => SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'strata-sqlite-')), 'strata.db')));
