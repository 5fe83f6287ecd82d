// Highlights the words of the query that led to an article (/articles/{id}?q=…) with mark.js:
// Chinese has no spaces between words, so a Chinese part of the query is also split into words
// (Intl.Segmenter), and the whole part is marked before its words; Latin words match regardless
// of case. A bar above the article counts the passages, moves between them and clears the
// highlight (also with Esc).

import { h } from './ui.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Not marked: formulas (KaTeX's spans), the page's own controls, and marks already made. */
const EXCLUDE = ['.katex', '.katex *', 'mark.query-hit', '.heading-anchor', '.code-block__copy', '.code-block__lang',
  '.article__meta', '.article__meta *'];

/**
 * The terms to mark for `query`, longest first: every space-separated part, and the words of each
 * Chinese part (two characters or more: single characters would light up the whole page).
 */
export function queryTerms(query) {
  const parts = String(query || '').split(/[\s,，。、;；:："“”'‘’()（）【】[\]{}<>《》!?！？]+/u)
    .map((p) => p.trim()).filter(Boolean);
  const terms = new Set();
  const segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  for (const part of parts) {
    if (part.length >= 2 || parts.length === 1) terms.add(part.toLowerCase());
    if (segmenter && CJK.test(part)) {
      for (const { segment, isWordLike } of segmenter.segment(part)) {
        if (isWordLike && segment.length >= 2) terms.add(segment.toLowerCase());
      }
    }
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/**
 * Marks `query` in `root` with mark.js (`Mark`, the library's constructor). Returns a controller:
 * { count, bar (an element to show above the article, or null), focusFirst(), clear() }.
 * `onClear` is called after the reader cleared the highlight.
 */
export function highlightQuery(Mark, root, query, { onClear } = {}) {
  const marker = new Mark(root);
  const terms = queryTerms(query);
  marker.mark(terms, {
    className: 'query-hit',
    separateWordSearch: false,
    accuracy: 'partially',
    caseSensitive: false,
    diacritics: false,
    exclude: EXCLUDE,
  });
  const hits = [...root.querySelectorAll('mark.query-hit')];
  let current = -1;
  const position = h('span', { class: 'query-bar__position', attrs: { 'aria-live': 'polite' } });
  const prev = h('button', { type: 'button', class: 'button button--ghost button--small', text: '‹ 上一处' });
  const next = h('button', { type: 'button', class: 'button button--ghost button--small', text: '下一处 ›' });
  const clearButton = h('button', {
    type: 'button', class: 'button button--small query-bar__clear', attrs: { 'aria-keyshortcuts': 'Escape' },
  }, '清除高亮', h('kbd', { attrs: { 'aria-hidden': 'true' } }, 'Esc'));
  const summary = hits.length
    ? h('span', { class: 'query-bar__text' }, '高亮「', h('strong', { text: query }), `」：共 ${hits.length} 处`)
    : h('span', { class: 'query-bar__text' }, '文中没有出现「', h('strong', { text: query }), '」的原词（可能是按同义词或语义找到的）');
  const bar = h('div', {
    class: 'query-bar', attrs: { role: 'region', 'aria-label': '搜索词高亮' }, dataset: { count: String(hits.length) },
  }, summary, hits.length ? [position, prev, next] : null, clearButton);

  const go = (index) => {
    if (hits.length === 0) return;
    if (current >= 0) hits[current].classList.remove('is-current');
    current = (index + hits.length) % hits.length;
    const mark = hits[current];
    mark.classList.add('is-current');
    mark.scrollIntoView({ block: 'center' });
    position.textContent = `第 ${current + 1} / ${hits.length} 处`;
  };
  prev.addEventListener('click', () => go(current - 1));
  next.addEventListener('click', () => go(current + 1));

  let cleared = false;
  const clear = () => {
    if (cleared) return;
    cleared = true;
    marker.unmark({ className: 'query-hit' });
    bar.remove();
    document.removeEventListener('keydown', onKey);
    if (onClear) onClear();
  };
  clearButton.addEventListener('click', clear);
  const onKey = (event) => {
    const typing = event.target && (event.target.closest('input, textarea, select, [contenteditable]'));
    if (event.key === 'Escape' && !typing && !event.defaultPrevented) clear();
  };
  document.addEventListener('keydown', onKey);

  return {
    count: hits.length,
    bar,
    /** Scrolls to the first passage that matched; false when nothing matched. */
    focusFirst() {
      if (hits.length === 0) return false;
      go(0);
      return true;
    },
    clear,
    /** Stops listening (the view goes away); the marks go with the view's DOM. */
    destroy() {
      document.removeEventListener('keydown', onKey);
    },
  };
}
