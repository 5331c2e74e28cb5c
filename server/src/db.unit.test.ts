import { describe, expect, it } from 'vitest';
import { preparedStatementNames } from './db.ts';

describe('preparedStatementNames', () => {
  it('names each distinct query text once, the same name for the same text', () => {
    const name = preparedStatementNames();
    const a = name({ sql: 'SELECT 1 FROM employee WHERE id = $1' });
    expect(a).toMatch(/^s[\w-]{27}$/);
    expect(name({ sql: 'SELECT 1 FROM employee WHERE id = $1' })).toBe(a);
    expect(name({ sql: 'SELECT 2 FROM employee WHERE id = $1' })).not.toBe(a);
    for (const sql of ['WITH x AS (SELECT 1) SELECT * FROM x', ' insert into t values ($1)', 'UPDATE t SET a = 1', 'DELETE FROM t']) expect(name({ sql })).toBeTruthy();
  });

  it('leaves statements other than queries and DML unnamed (DDL, SET, ANALYZE, transaction control)', () => {
    const name = preparedStatementNames();
    for (const sql of ['ANALYZE employee', 'SET LOCAL lock_timeout = 1000', 'CREATE TEMP TABLE x (a int)', 'BEGIN', 'SELECTX']) expect(name({ sql })).toBeUndefined();
    // A very long text (data inline) is not kept on the server either.
    expect(name({ sql: `SELECT 1 WHERE 1 IN (${'1,'.repeat(10_000)}1)` })).toBeUndefined();
  });

  it('stops naming new texts past its bound (the ones named keep their names)', () => {
    const name = preparedStatementNames(2);
    const a = name({ sql: 'SELECT 1' });
    name({ sql: 'SELECT 2' });
    expect(name({ sql: 'SELECT 3' })).toBeUndefined();
    expect(name({ sql: 'SELECT 1' })).toBe(a);
  });
});
