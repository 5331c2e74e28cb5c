// npm run test:clock — the unit and integration suites once more with the machine's clock moved a
// year ahead, and the unit suite a year back (libfaketime), so a test that reads the machine's date
// instead of the app's clock fails here. Part of `npm test`; skipped with a notice when faketime is missing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const has = spawnSync('faketime', ['-f', '+0d', 'true'], { stdio: 'ignore' });
if (has.error || has.status !== 0) {
  console.warn('test:clock skipped: faketime is not installed (apt-get install faketime).');
  process.exit(0);
}
const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
/**
 * Left out of the shifted runs: tests that start their own redis-server or kill processes
 * (libfaketime reaches the children, whose timers and TTLs then disagree with the shared Redis),
 * and the two walks over every route (access matrix, hostile input), which read no dates and take
 * minutes (they ran clean under +365 d once a damaged stored row could no longer fail a list).
 */
const NOT_SHIFTED = [
  'test/integration/faults.test.ts',
  'test/integration/outage.test.ts',
  'test/integration/reconcile.test.ts',
  'test/integration/access-matrix.test.ts',
  'test/integration/input-boundary.test.ts',
  // The sweep of stale temporary files compares file-system times (not faked) with the faked clock.
  'test/integration/import-limits.test.ts',
];
/**
 * A year ahead: unit and integration tests. A year back: the unit tests (the domain rules and
 * schemas that read the clock). Two full integration passes would take CI past its time budget.
 */
const PASSES = [
  { shift: '+365d', projects: ['unit', 'integration'] },
  { shift: '-365d', projects: ['unit'] },
];
for (const { shift, projects } of PASSES) {
  console.log(`\n== ${projects.join(' + ')} tests with the machine's clock moved ${shift} ==`);
  const r = spawnSync('faketime', ['-f', shift, process.execPath, vitest, 'run', ...projects.flatMap((p) => ['--project', p])], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1', TEST_CLOCK_EXCLUDE: NOT_SHIFTED.join(',') },
  });
  if (r.status !== 0) {
    console.error(`Tests failed with the clock moved ${shift}: something reads the machine's date instead of the app's clock.`);
    process.exit(r.status ?? 1);
  }
}
