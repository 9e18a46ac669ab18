import fs from 'node:fs';
import path from 'node:path';
import { splitSentences } from '../../src/analyze/split-sentences.js';
import { readBenchRecords } from './bench-corpus.js';

/** A small, fast, seeded generator (mulberry32): the same corpus on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARAGRAPHS_PER_ARTICLE = 4;
const WORDS_PER_PARAGRAPH = 100;

/**
 * A corpus of about `passages` passages for scale benchmarks: articles of four ~100-word
 * paragraphs whose sentences are drawn (seeded) from the bench corpus's real sentences (FNC-1
 * bodies, SciFact, Climate-FEVER, PolitiHop). Written once as JSONL under `outDir` and reused.
 */
export function buildSyntheticCorpus(
  shared: string,
  outDir: string,
  passages: number,
): { file: string; articles: number } {
  const articles = Math.ceil(passages / PARAGRAPHS_PER_ARTICLE);
  const file = path.join(outDir, `synthetic-${passages}.jsonl`);
  if (fs.existsSync(file)) return { file, articles };
  fs.mkdirSync(outDir, { recursive: true });
  const sentences = readBenchRecords(shared)
    .flatMap((record) => splitSentences(record.text))
    .filter((sentence) => sentence.length >= 40 && sentence.length <= 400);
  const random = seeded(20261202);
  const pick = () => sentences[Math.floor(random() * sentences.length)]!;
  const out = fs.openSync(`${file}.partial`, 'w');
  let buffer = '';
  for (let index = 0; index < articles; index++) {
    const paragraphs: string[] = [];
    for (let paragraph = 0; paragraph < PARAGRAPHS_PER_ARTICLE; paragraph++) {
      const chosen: string[] = [];
      let words = 0;
      while (words < WORDS_PER_PARAGRAPH) {
        const sentence = pick();
        chosen.push(sentence);
        words += sentence.split(/\s+/).length;
      }
      paragraphs.push(chosen.join(' '));
    }
    const day = String(1 + (index % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(index / 28) % 12)).padStart(2, '0');
    buffer +=
      JSON.stringify({
        title: paragraphs[0]!.split(/\s+/).slice(0, 8).join(' '),
        url: `https://synthetic.example/${index}`,
        outlet: `Outlet ${index % 97}`,
        published: `2025-${month}-${day}`,
        text: paragraphs.join('\n\n'),
      }) + '\n';
    if (buffer.length > 1 << 22) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
  fs.renameSync(`${file}.partial`, file);
  return { file, articles };
}
