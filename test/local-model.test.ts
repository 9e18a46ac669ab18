import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaim } from '../src/check-claim.js';
import { cacheLanguageModel } from '../src/llm/cache-language-model.js';
import { llamaCppModel } from '../src/llm/llama-cpp-model.js';
import type { Store } from '../src/store/store.js';
import { verifySentence } from '../src/llm/verify-sentence.js';
import type { Report } from '../src/types.js';
import { AS_OF, BRIDGE_ARTICLES, CLAIM } from './helpers/bridge-story.js';
import { expectCitationIntegrity } from './helpers/citation-integrity.js';
import { expectValidReport } from './helpers/report-schema.js';
import { HAS_SHARED, SHARED, tempDir } from './helpers/shared.js';
import { storeOf } from './helpers/story-store.js';

/** Karpathy's 260K-parameter TinyStories model (../shared/models/NOTES.md): real GGUF, nonsense text. */
const GGUF = path.join(SHARED, 'models', 'stories260K-gguf', 'stories260K.gguf');

function readerSees(report: Report) {
  const { verdict, answer, summary, sections, bottomLine, sources, followUps, subClaims, provenance } =
    report;
  return { verdict, answer, summary, sections, bottomLine, sources, followUps, subClaims, provenance };
}

describe.skipIf(!HAS_SHARED || !fs.existsSync(GGUF))(
  'a real local model through node-llama-cpp (stories260K)',
  async () => {
    let store: Store;
    const model = llamaCppModel({ modelPath: GGUF, threads: 1, timeoutMs: 60_000 });
    beforeAll(async () => {
      store = await storeOf('local-model', BRIDGE_ARTICLES);
    });
    afterAll(async () => {
      await model.dispose();
      await store.close();
    });

    it('writes, judges and plans for real, and the verifier leaves the default report, fully cited', async () => {
      const plain = await checkClaim(CLAIM, { store, asOf: AS_OF });
      const cacheDir = tempDir('local-model-cache');
      const cached = cacheLanguageModel(model, cacheDir);
      const report = await checkClaim(CLAIM, {
        store,
        asOf: AS_OF,
        llm: { model: cached, roles: ['writer', 'judge', 'planner'] },
      });
      expectValidReport(report);
      await expectCitationIntegrity(report, store);
      // Its text is nonsense: nothing it writes holds up, so the reader sees the default report.
      expect(readerSees(report)).toEqual(readerSees(plain));
      expect(report.writer).toEqual({ kind: 'language-model', model: 'llama-cpp:stories260K.gguf' });
      expect(report.llm!.written).toBe(0);
      const calls =
        report.llm!.usage.writer.calls + report.llm!.usage.judge.calls + report.llm!.usage.planner.calls;
      expect(calls).toBeGreaterThan(0);
      expect(
        report.llm!.usage.writer.completionTokens + report.llm!.usage.judge.completionTokens,
      ).toBeGreaterThan(0);
      // What it wrote was either dropped by verification or unusable (cut short), and the report says which.
      expect(report.llm!.dropped.length + report.llm!.failures.length).toBeGreaterThan(0);
      // A rerun is served from the prompt cache: the same report, nothing generated.
      const again = await checkClaim(CLAIM, {
        store,
        asOf: AS_OF,
        llm: { model: cacheLanguageModel(model, cacheDir), roles: ['writer', 'judge', 'planner'] },
      });
      expect({ ...again, llm: undefined }).toEqual({ ...report, llm: undefined });
      expect(again.llm!.dropped).toEqual(report.llm!.dropped);
      const rerun = again.llm!.usage;
      expect(rerun.writer.cacheHits + rerun.judge.cacheHits + rerun.planner.cacheHits).toBe(
        rerun.writer.calls + rerun.judge.calls + rerun.planner.calls,
      );
    }, 300_000);

    it('what it writes, asked plainly for a rewrite, fails verification sentence by sentence', async () => {
      const plain = await checkClaim(CLAIM, { store, asOf: AS_OF });
      const passagesOf = new Map(
        plain.sources.map((source) => [source.n, source.passages.map((passage) => passage.text)]),
      );
      const drafts = plain.summary.filter((sentence) => sentence.citations.length > 0).slice(0, 3);
      expect(drafts.length).toBeGreaterThan(0);
      for (const draft of drafts) {
        const answer = await model.complete({
          role: 'writer',
          messages: [{ role: 'user', content: `Rewrite this sentence: ${draft.text}` }],
          maxTokens: 40,
        });
        expect(answer.text.length).toBeGreaterThan(0);
        const verdict = verifySentence({
          text: answer.text,
          citations: draft.citations,
          given: new Map(draft.citations.map((n) => [n, passagesOf.get(n)!])),
          draft: draft.text,
        });
        expect(verdict.ok, `kept: ${answer.text}`).toBe(false);
      }
    }, 120_000);

    it('a model file that is not there is a clear error, and the check goes on without it', async () => {
      const missing = llamaCppModel({ modelPath: path.join(tempDir('no-model'), 'missing.gguf') });
      const report = await checkClaim(CLAIM, {
        store,
        asOf: AS_OF,
        llm: { model: missing, roles: ['judge'] },
      });
      expect(report.llm!.failures[0]!.message).toMatch(
        /Could not load the GGUF model .*missing\.gguf.*VERITY_LLM_GGUF/,
      );
    }, 60_000);
  },
);
