import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import type { ExtractedArticle } from '../types.js';

/** The readable (default) view of one extracted article: metadata lines, then the body. */
export function formatExtracted(source: string, article: ExtractedArticle): string {
  const fields: Array<[string, string | null]> = [
    ['source', source],
    ['title', article.title],
    ['standfirst', article.standfirst],
    ['authors', article.authors.join(', ') || null],
    ['outlet', article.outlet],
    ['section', article.section],
    ['published', article.published],
    ['updated', article.updated],
    ['dateline', article.dateline],
    ['language', article.language],
    ['url', article.url],
  ];
  const header = fields.filter(([, value]) => value).map(([name, value]) => `${name.padEnd(10)} ${value}`);
  return `${header.join('\n')}\n\n${article.text}\n`;
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'print what Verity extracts from HTML (.html, .html.gz), text or Markdown files, without storing it',
    )
    .argument('<files...>', 'files to extract')
    .option('--format <format>', 'text (readable) | jsonl (one JSON object per line, body in "text")', 'text')
    .option('--max-file-bytes <n>', 'largest file accepted (default 20 MB)', Number)
    .action(async (files: string[], options: { format: string; maxFileBytes?: number }) => {
      if (!['text', 'jsonl'].includes(options.format)) {
        throw new UsageError(`Unknown format "${options.format}"; use text or jsonl.`);
      }
      const { extractFile } = await import('../extract/extract-file.js');
      const config = loadConfig({ maxFileBytes: options.maxFileBytes });
      for (const file of files) {
        if (/^https?:\/\//i.test(file)) {
          console.error(
            `verity: ${file}: fetching URLs is not supported yet; save the page and extract the file`,
          );
          process.exitCode = 2;
          continue;
        }
        try {
          const article = await extractFile(file, config.maxFileBytes);
          process.stdout.write(
            options.format === 'jsonl'
              ? `${JSON.stringify({ source: file, ...article })}\n`
              : `${formatExtracted(file, article)}\n`,
          );
        } catch (error) {
          console.error(`verity: ${file}: ${(error as Error).message}`);
          process.exitCode = 2;
        }
      }
    });
}
