import { describe, expect, it } from 'vitest';
import { createExclusive } from '../../utils/exclusive';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('one task at a time', () => {
  it('runs tasks in the order given, each after the one before has finished, and a failure does not stop the next', async () => {
    const exclusive = createExclusive('test-lock');
    const log: string[] = [];
    const task = (name: string, fail = false) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([exclusive(task('a')), exclusive(task('b', true)), exclusive(task('c'))]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
