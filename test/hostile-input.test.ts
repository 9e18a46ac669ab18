import fs from 'node:fs';
import dns from 'node:dns/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as HostileModule from '../scripts/lib/hostile-cases.js';

// The compiled suite: only under dist/ do pages go to worker threads with the extraction deadline.
const { HOSTILE_CASES, runHostileCase, startHostileServer } = (await import(
  path.resolve('dist/scripts/lib/hostile-cases.js')
)) as typeof HostileModule;

/**
 * Every case of the hostile-input suite, each in a batch with an ordinary article after it: the
 * case is handled as expected (refused with its reason, or stored harmless) and the article after
 * it is stored. Runs from dist/ (npm test builds first) so that pages go to worker threads with
 * the extraction deadline, as they do for users.
 */
describe('hostile input', () => {
  let server: Awaited<ReturnType<typeof startHostileServer>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-hostile-test-'));
  let hostnameResolves = true;

  beforeAll(async () => {
    server = await startHostileServer();
    hostnameResolves = await dns.lookup(os.hostname()).then(
      () => true,
      () => false,
    );
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const hostile of HOSTILE_CASES) {
    it(`${hostile.name}: ${hostile.expected}, and the batch goes on`, async (context) => {
      if (hostile.guardAll && !hostnameResolves) {
        console.warn(
          `!!! SKIPPED "${hostile.name}": this machine's hostname (${os.hostname()}) does not resolve`,
        );
        context.skip();
      }
      const outcome = await runHostileCase(hostile, { dir, server: server.url });
      expect(outcome.controlStored, 'the ordinary article after the case was stored').toBe(true);
      expect(outcome.problem, outcome.message).toBeNull();
      expect(outcome.ok).toBe(true);
    }, 120_000);
  }
});
