import { escapeHtml } from '../../render/escape-html.js';
import type { Report } from '../../types.js';

/** A timeline of the dated sources: one dot per source on a line from the earliest to the latest date. */
export function timelineSvg(report: Report): string {
  const dated = report.sources
    .filter((source) => source.published)
    .map((source) => ({ n: source.n, day: source.published!.slice(0, 10) }));
  if (dated.length === 0) return '';
  const times = dated.map((item) => Date.parse(`${item.day}T00:00:00Z`));
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const span = Math.max(last - first, 1);
  const x = (time: number) => 30 + ((time - first) / span) * 540;
  const dots = dated
    .map((item, index) => {
      const cx = dated.length === 1 ? 300 : x(times[index]!);
      return `<g><circle cx="${cx.toFixed(1)}" cy="40" r="7" fill="#1a5fb4"><title>[${item.n}] ${escapeHtml(item.day)}</title></circle><text x="${cx.toFixed(1)}" y="24" text-anchor="middle" font-size="11">[${item.n}]</text></g>`;
    })
    .join('');
  const labels = `<text x="30" y="70" font-size="11">${escapeHtml(dated.map((item) => item.day).sort()[0]!)}</text><text x="570" y="70" font-size="11" text-anchor="end">${escapeHtml(
    dated
      .map((item) => item.day)
      .sort()
      .at(-1)!,
  )}</text>`;
  return `<figure class="timeline"><figcaption>Timeline of the sources</figcaption><svg viewBox="0 0 600 80" role="img" aria-label="Timeline of the sources' publication dates"><line x1="30" y1="40" x2="570" y2="40" stroke="#999"/>${dots}${labels}</svg></figure>`;
}

/** The provenance: each independent origin, and the sources that repeat it or stand alone. */
export function provenanceSvg(report: Report): string {
  if (report.sources.length === 0) return '';
  const origins = report.provenance.origins.length
    ? report.provenance.origins
    : report.sources.map((source) => source.outlet ?? source.title ?? source.articleId);
  const rowHeight = 28;
  const sourceY = (index: number) => 20 + index * rowHeight;
  const originY = (index: number) => 20 + index * rowHeight;
  const height = Math.max(report.sources.length, origins.length) * rowHeight + 20;
  const originOf = (source: Report['sources'][number]) =>
    source.repeats ?? source.outlet ?? source.title ?? source.articleId;
  const lines = report.sources
    .map((source, index) => {
      const target = origins.indexOf(originOf(source));
      if (target < 0) return '';
      return `<line x1="230" y1="${sourceY(index)}" x2="370" y2="${originY(target)}" stroke="${source.role === 'repeats' ? '#a35f00' : '#1a5fb4'}"/>`;
    })
    .join('');
  const short = (text: string) => escapeHtml(text.length > 34 ? `${text.slice(0, 33)}…` : text);
  const sources = report.sources
    .map(
      (source, index) =>
        `<text x="220" y="${sourceY(index) + 4}" text-anchor="end" font-size="12">[${source.n}] ${short(source.outlet ?? source.title ?? source.articleId)} (${source.role})</text>`,
    )
    .join('');
  const originLabels = origins
    .map(
      (origin, index) =>
        `<text x="380" y="${originY(index) + 4}" font-size="12" font-weight="bold">${short(origin)}</text>`,
    )
    .join('');
  return `<figure class="provenance"><figcaption>Where the reporting comes from: ${report.provenance.sources} sources, ${report.provenance.origins.length} independent origins</figcaption><svg viewBox="0 0 600 ${height}" role="img" aria-label="Provenance: sources and the origins they trace to">${lines}${sources}${originLabels}</svg></figure>`;
}
