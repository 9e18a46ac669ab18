import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { withStatus } from '../checks/store-check.js';
import { packageRoot } from '../config.js';
import type { Store, StoredCheck } from '../store/store.js';
import { APP_CSS, APP_JS } from './web/assets.js';
import { renderHomePage, renderPage, renderReportPage, type PageOptions } from './web/render-page.js';

export interface PageDeps {
  store: Store;
  pageOptions: PageOptions;
  runCheck: (question: string, asOf?: string) => Promise<StoredCheck>;
}

/** The reader's web page: home, /check?q= (runs and redirects), permalinks, the method page, assets. */
export function registerPageRoutes(app: Hono, { store, pageOptions, runCheck }: PageDeps): void {
  app.get('/assets/app.css', (context) =>
    context.body(APP_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  );
  app.get('/assets/app.js', (context) =>
    context.body(APP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/', async (context) => context.html(renderHomePage(pageOptions, await store.corpusState())));
  app.get('/check', async (context) => {
    const question = context.req.query('q')?.trim() ?? '';
    if (question.length < 3) return context.redirect('/');
    return context.redirect(`/checks/${(await runCheck(question)).id}`, 303);
  });
  app.get('/checks/:id', async (context) => {
    const check = await store.getCheck(context.req.param('id'));
    if (!check)
      return context.html(
        renderPage(
          'Not found — Verity',
          '<h1>No such check</h1><p><a href="/">Ask a question</a></p>',
          pageOptions,
        ),
        404,
      );
    return context.html(renderReportPage(await withStatus(check, store), check.id, pageOptions));
  });
  app.get('/method', (context) => {
    const method = fs.readFileSync(path.join(packageRoot(), 'docs', 'method.md'), 'utf8');
    return context.html(
      renderPage(
        'How Verity checks',
        `<pre class="method">${method.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</pre>`,
        pageOptions,
      ),
    );
  });
}
