/** Child process for the crash-safety test: starts a run, logs forever, is SIGKILLed by the parent. */
import { SqliteStore } from '../../../src/track/store/sqlite.js';
import { startRun } from '../../../src/track/run.js';

const store = await SqliteStore.open(process.argv[2]!);
const run = await startRun(store, { experiment: 'crash', flushEvery: 100 });
await run.logText('notes.txt', 'before the crash');
let step = 0;
const tick = (): void => {
  for (let i = 0; i < 500; i++) run.logMetric('loss', 1 / (step + 1), step++);
  if (step === 1000) process.stdout.write(`${run.id}\n`);
  setImmediate(tick);
};
tick();
