import { REPORT_STYLE } from '../../render/render-html.js';

/** The page's stylesheet: the report's own style plus the reader page (phone-first, printable). */
export const APP_CSS = `${REPORT_STYLE}
header.site{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;border-bottom:1px solid #ddd;padding-bottom:.75rem}
header.site a.brand{font-weight:bold;font-size:1.3rem;text-decoration:none;color:#1a1a1a}
form.ask{display:flex;gap:.5rem;width:100%}form.ask input{flex:1;min-width:0;font-size:1rem;padding:.55rem;border:1px solid #888;border-radius:4px}
form.ask button{font-size:1rem;padding:.55rem .9rem;border-radius:4px;border:0;background:#1a1a1a;color:#fff}
.supporters{background:#eef6ff;padding:.5rem .75rem;border-radius:4px;margin:.75rem 0}
.badge{display:inline-block;padding:.15rem .55rem;border-radius:999px;background:#555;color:#fff;font:600 .95rem sans-serif}
.verdict[data-label=supported] .badge{background:#1b7f3b}.verdict[data-label=contradicted] .badge{background:#b00020}
.verdict[data-label=disputed] .badge,.verdict[data-label=reported] .badge{background:#a35f00}
.cited-passage{display:block;margin:.4rem 0 .6rem 1rem;padding:.5rem .75rem;border-left:3px solid #1a5fb4;background:#f3f7fd;font-size:.95em}
.permalink{font:.85rem sans-serif;color:#555;word-break:break-all}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
@media (max-width:480px){body{font-size:15px;margin:1rem auto}h1{font-size:1.3rem}}`;

/**
 * The page's only script: citation numbers open the cited passage in place (copied with
 * textContent from the escaped sources list, so no source text is ever parsed as HTML) and lead
 * to the source card.
 */
export const APP_JS = `document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a.cite');
  if (!link) return;
  event.preventDefault();
  var n = link.getAttribute('data-source');
  var next = link.nextElementSibling;
  if (next && next.classList.contains('cited-passage') && next.getAttribute('data-source') === n) { next.remove(); return; }
  var card = document.getElementById('source-' + n);
  if (!card) return;
  var box = document.createElement('span');
  box.className = 'cited-passage';
  box.setAttribute('data-source', n);
  box.setAttribute('role', 'note');
  var quotes = card.querySelectorAll('blockquote p');
  var text = Array.prototype.map.call(quotes, function (p) { return p.textContent; }).join(' … ');
  box.appendChild(document.createTextNode(text + ' '));
  var to = document.createElement('a');
  to.href = '#source-' + n;
  to.className = 'to-source';
  to.textContent = '→ source ' + n;
  box.appendChild(to);
  link.after(box);
});
`;
