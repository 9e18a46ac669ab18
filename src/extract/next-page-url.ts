import { parseHTML } from 'linkedom';

/** A path with digits and the query removed: pages of one article share it ("/story/123?page=2" ~ "/story/123"). */
function pathShape(url: URL): string {
  return url.pathname.replace(/\d+/g, '#').replace(/[/_-]*#?\/?(page|p|seite|pagina)?[/_-]*#?\/?$/i, '');
}

/**
 * The URL of the next page of the same article (`<link rel="next">` or `<a rel="next">`), when it
 * stays on the same host and path: a listing's "next page" of other stories does not qualify.
 */
export function nextPageUrl(html: string, pageUrl: string): string | null {
  const { document } = parseHTML(html);
  const href =
    document.querySelector('link[rel="next"]')?.getAttribute('href') ??
    document.querySelector('a[rel="next"]')?.getAttribute('href') ??
    null;
  if (!href) return null;
  try {
    const current = new URL(pageUrl);
    const next = new URL(href, current);
    if (next.host !== current.host || next.href === current.href) return null;
    return pathShape(next) === pathShape(current) ? next.href : null;
  } catch {
    return null;
  }
}
