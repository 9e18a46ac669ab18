import type { Provenance } from '../assess/trace-provenance.js';
import type { ReportSource } from '../types.js';

/**
 * Each source's role: a source whose evidence credits another outlet ("the Washington Post
 * reported") repeats that origin; a source others credit, or that copies of it repeat, is an
 * origin; the rest are independent.
 */
export function assignRoles(sources: ReportSource[], provenance: Provenance): ReportSource[] {
  const ownName = (source: ReportSource) => source.outlet ?? source.title ?? source.articleId;
  return sources.map((source) => {
    const origin = provenance.originOf.get(source.articleId) ?? ownName(source);
    if (origin !== ownName(source)) return { ...source, role: 'repeats', repeats: origin };
    const credited = [...provenance.originOf.entries()].some(
      ([articleId, name]) => articleId !== source.articleId && name === origin,
    );
    return { ...source, role: credited ? 'origin' : 'independent', repeats: null };
  });
}
