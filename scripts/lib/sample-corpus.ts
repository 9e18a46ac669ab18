import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export interface SampleCorpus {
  /** Paths to pass to `verity ingest`. */
  inputs: string[];
  articleCount: number;
}

interface FncBody {
  'Body ID': string;
  articleBody: string;
}

/** The FNC-1 article bodies (train and competition test) as `{id, title, text}` records. */
export function readFncBodies(shared: string): Array<{ id: string; title: string; text: string }> {
  const records: Array<{ id: string; title: string; text: string }> = [];
  for (const [split, file] of [
    ['train', 'train_bodies.csv'],
    ['test', 'competition_test_bodies.csv'],
  ] as const) {
    const rows = parse(fs.readFileSync(path.join(shared, 'data', 'fnc-1', file), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as FncBody[];
    for (const row of rows) {
      // FNC-1 bodies come without headline, outlet or date; the title says only where the text is from.
      records.push({
        id: `fnc-1:${split}:${row['Body ID']}`,
        title: `FNC-1 ${split} body ${row['Body ID']}`,
        text: row.articleBody,
      });
    }
  }
  return records;
}

/**
 * Builds the sample corpus from `../shared` into `outDir` (outside the repository's tracked files):
 * the FNC-1 bodies as one JSONL file, plus the wire article in `seeds/`, ingested from where it is.
 */
export function buildSampleCorpus(shared: string, outDir: string): SampleCorpus {
  if (!fs.existsSync(path.join(shared, 'data', 'fnc-1'))) {
    throw new Error(
      `The shared data folder was not found at ${shared}; set VERITY_SHARED to the folder holding data/ and seeds/.`,
    );
  }
  fs.mkdirSync(outDir, { recursive: true });
  const bodies = readFncBodies(shared);
  const jsonl = path.join(outDir, 'fnc-1-bodies.jsonl');
  fs.writeFileSync(jsonl, bodies.map((body) => JSON.stringify(body)).join('\n') + '\n');
  return {
    inputs: [jsonl, path.join(shared, 'seeds', '000_50b43f6c831de683.txt')],
    articleCount: bodies.length + 1,
  };
}
