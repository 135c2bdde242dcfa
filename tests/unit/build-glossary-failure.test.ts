/**
 * The real build (`wxt build`) refuses a malformed term file and says which
 * file, which term and which field.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

it('a malformed term file fails the build, naming the file, the term and the field', { timeout: 120_000 }, async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'termlight-bad-build-'));
  try {
    const result = await run('npx', ['wxt', 'build'], {
      cwd: ROOT,
      env: { ...process.env, TERMLIGHT_DATA_DIR: join(ROOT, 'tests', 'fixtures', 'glossary-bad'), TERMLIGHT_OUT_DIR: outDir },
    }).then(
      () => ({ failed: false, output: '' }),
      (error: { stdout?: string; stderr?: string }) => ({ failed: true, output: `${error.stdout}\n${error.stderr}` }),
    );
    expect(result.failed).toBe(true);
    expect(result.output).toContain('tests/fixtures/glossary-bad/bad-set.json: term "funding-rate", field "summary"');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
