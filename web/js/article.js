// The reader at /articles/{id}: the server-rendered (and sanitised) article with formulas drawn by
// KaTeX and code by highlight.js, a table of contents that follows the scroll, and an aside with
// related articles (with reasons), backlinks, keywords and a small local graph. The optional
// panels disappear quietly when their API is missing or fails.

import { getJson, getArticle, articleApi, isAbort } from './api.js';
import {
  h, replaceChildren, categoryChip, categoryLabel, statusPanel, describeError, setTitle,
} from './ui.js';
import { loadLibrary } from './vendor.js';
import { parseHtml, enhanceContent } from './content.js';
import { drawGraph } from './graph-draw.js';
import { articleUrl, searchUrl, graphUrl, readArticleQuery } from './urls.js';
import { highlightQuery } from './query-highlight.js';
import { attachLinkPreviews } from './link-preview.js';

/** The height of the sticky header plus a little air, in CSS pixels. */
function headerOffset() {
  const header = document.querySelector('.site-header');
  return (header ? header.getBoundingClientRect().height : 60) + 24;
}

export async function mount(ctx) {
  const view = new ArticleView(ctx);
  await view.load();
  return view;
}

class ArticleView {
  constructor(ctx) {
    this.ctx = ctx;
    this.id = ctx.params.id;
    this.query = readArticleQuery(ctx.url);
    this.highlight = null;
    this.cleanups = [];
    ctx.main.classList.add('site-main--article');
  }

  unmount() {
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
  }

  async load() {
    const { main, signal } = this.ctx;
    // the libraries download while the article is fetched, so formulas appear already drawn
    const libs = Promise.all([loadLibrary('katex').catch(() => null), loadLibrary('hljs').catch(() => null),
      this.query ? loadLibrary('Mark').catch(() => null) : null]);
    let data;
    try {
      data = await getArticle(this.id, { signal });
    } catch (error) {
      if (isAbort(error)) throw error;
      this.showError(error);
      return;
    }
    const [, , Mark] = await libs;
    if (signal.aborted) return;
    this.render(data, Mark);
    this.ctx.ready();
    this.loadPanels(data);
  }

  showError(error) {
    const { main } = this.ctx;
    if (error.status === 404) {
      setTitle('文章不存在');
      const words = this.id.replace(/-[0-9a-f]{6,}$/, '').replace(/[-_]+/g, ' ').trim();
      replaceChildren(main, statusPanel({
        title: '找不到这篇文章',
        detail: '它可能被移动、改名或删除了。',
        children: [h('p', {},
          words ? h('a', { class: 'button', href: searchUrl({ q: words }) }, `搜索「${words}」`) : null, ' ',
          h('a', { class: 'button button--ghost', href: '/' }, '回到首页'))],
      }));
      this.ctx.ready();
      return;
    }
    setTitle('出错了');
    replaceChildren(main, statusPanel({
      kind: 'error',
      title: '文章加载失败',
      detail: describeError(error),
      retry: () => this.ctx.navigate(location.pathname + location.search, { replace: true }),
    }));
    this.ctx.failed();
  }

  render(data, Mark) {
    const { main } = this.ctx;
    setTitle(data.title || data.path);

    const body = h('div', { class: 'markdown-body' });
    body.appendChild(parseHtml(data.html || ''));
    let title = body.querySelector('h1');
    if (!title || body.firstElementChild !== title) {
      title = h('h1', { text: data.title || data.path });
      body.prepend(title);
    }
    title.classList.add('article__title');
    title.after(this.renderMeta(data));
    this.cleanups.push(enhanceContent(body));
    addHeadingAnchors(body, title);

    const breadcrumb = h('nav', { class: 'breadcrumb', attrs: { 'aria-label': '位置' } },
      h('ol', {},
        h('li', {}, h('a', { href: '/' }, '首页')),
        data.category ? h('li', {}, h('a', { href: searchUrl({ category: data.category }) }, categoryLabel(data.category))) : null,
        h('li', { attrs: { 'aria-current': 'page' } }, h('span', { class: 'breadcrumb__path', text: data.path || '' }))));

    this.article = h('article', { class: 'article', attrs: { 'aria-labelledby': 'article-title' } }, breadcrumb, body,
      this.renderSeries(data.series));
    if (this.query && Mark) {
      this.highlight = highlightQuery(Mark, body, this.query, { onClear: () => this.forgetQuery() });
      breadcrumb.after(this.highlight.bar);
      this.cleanups.push(() => this.highlight.destroy());
    }
    this.cleanups.push(attachLinkPreviews(body));
    title.id = title.id || 'article-title';
    this.article.setAttribute('aria-labelledby', title.id);

    const toc = this.renderToc(data.toc || [], body);
    this.aside = h('aside', { class: 'article-aside', attrs: { 'aria-label': '相关内容' } });
    this.renderLinkPanels(data);
    replaceChildren(main, h('div', { class: `article-layout${toc ? '' : ' article-layout--no-toc'}` },
      toc, this.article, this.aside));
    if (toc) this.followScroll(body, toc);
    this.scrollToHeadingHint(data.toc || []);
  }

  /**
   * Where the page starts when opened without a #section (app.js asks): at the first passage that
   * matched the query. False leaves it at the top.
   */
  scrollToStart() {
    return this.highlight ? this.highlight.focusFirst() : false;
  }

  /** The highlight was cleared: drop ?q= from the address, so a reload or a shared link has none. */
  forgetQuery() {
    this.highlight = null;
    const url = new URL(location.href);
    url.searchParams.delete('q');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }

  /** 上一篇 / 下一篇 of a note in a numbered series or a table of contents (null: none). */
  renderSeries(series) {
    if (!series || (!series.previous && !series.next)) return null;
    const link = (n, rel, label) => (n ? h('a', {
      class: `series-nav__link series-nav__link--${rel}`, href: articleUrl(n.id), attrs: { rel },
    }, h('span', { class: 'series-nav__label', text: label }), h('span', { class: 'series-nav__title', text: n.title || n.path }))
      : h('span', { class: `series-nav__link series-nav__link--${rel} series-nav__link--none`, attrs: { 'aria-hidden': 'true' } }));
    return h('nav', { class: 'series-nav', attrs: { 'aria-label': '阅读顺序' } },
      link(series.previous, 'prev', '← 上一篇'), link(series.next, 'next', '下一篇 →'));
  }

  renderMeta(data) {
    const items = [];
    if (data.category) items.push(categoryChip(data.category));
    if (data.kind === 'notebook') {
      items.push(h('span', { class: 'chip chip--muted', text: 'Jupyter Notebook' }));
    }
    if (data.date) items.push(h('time', { class: 'article__date', attrs: { datetime: data.date }, text: data.date }));
    for (const tag of (data.tags || []).slice(0, 12)) {
      items.push(h('a', { class: 'tag', href: searchUrl({ tag }), attrs: { title: `标签「${tag}」的所有文章` } }, `#${tag}`));
    }
    const meta = h('div', { class: 'article__meta' }, items);
    if (data.summary) {
      return h('div', { class: 'article__intro' }, meta, h('p', { class: 'article__summary', text: data.summary }));
    }
    return h('div', { class: 'article__intro' }, meta);
  }

  // -- table of contents ----------------------------------------------------------------------

  renderToc(entries, body) {
    const usable = entries.filter((e) => e && e.anchor && body.querySelector(`[id="${cssEscape(e.anchor)}"]`));
    // the article title is the page's h1: leave it out when it is the only one
    const h1s = usable.filter((e) => e.level === 1);
    const items = h1s.length === 1 ? usable.filter((e) => e.level !== 1) : usable;
    if (items.length < 2) return null;
    const top = Math.min(...items.map((e) => e.level));
    const shown = items.filter((e) => e.level <= top + 2);
    const list = h('ol', { class: 'toc__list' }, shown.map((e) => h('li', {
      class: `toc__item toc__item--depth-${e.level - top}`,
    }, h('a', { href: `#${e.anchor}`, dataset: { anchor: e.anchor }, text: e.text }))));
    const wide = window.matchMedia('(min-width: 1181px)').matches;
    const details = h('details', { class: 'toc__details', open: wide },
      h('summary', { class: 'toc__title', id: 'toc-title' }, '目录'), list);
    return h('nav', { class: 'toc', attrs: { 'aria-labelledby': 'toc-title' } }, details);
  }

  followScroll(body, toc) {
    const links = new Map([...toc.querySelectorAll('a[data-anchor]')].map((a) => [a.dataset.anchor, a]));
    const headings = [...links.keys()].map((anchor) => document.getElementById(anchor)).filter(Boolean);
    if (headings.length === 0 || !('IntersectionObserver' in window)) return;
    let current = null;
    const update = () => {
      const offset = headerOffset();
      let active = headings[0];
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top <= offset + 8) active = heading;
        else break;
      }
      // at the very end the last sections cannot reach the top: the last one on screen is current
      const root = document.documentElement;
      if (window.scrollY > 0 && window.innerHeight + window.scrollY >= root.scrollHeight - 4) {
        const onScreen = headings.filter((heading) => heading.getBoundingClientRect().top < window.innerHeight);
        if (onScreen.length) active = onScreen[onScreen.length - 1];
      }
      if (active === current) return;
      if (current) links.get(current.id)?.removeAttribute('aria-current');
      current = active;
      const link = links.get(active.id);
      if (link) {
        link.setAttribute('aria-current', 'location');
        const list = toc.querySelector('.toc__list');
        if (list && list.scrollHeight > list.clientHeight) {
          const top = link.offsetTop - list.clientHeight / 2;
          list.scrollTo({ top: Math.max(0, top) });
        }
      }
    };
    // the observer only tells when a heading crosses the band under the header; the current
    // section is then the last heading above that band
    const observer = new IntersectionObserver(update, {
      rootMargin: `-${headerOffset()}px 0px -60% 0px`,
      threshold: [0, 1],
    });
    headings.forEach((heading) => observer.observe(heading));
    const onScroll = () => {
      if (window.scrollY < 4 || window.innerHeight + window.scrollY >= document.body.scrollHeight - 4) update();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    update();
    this.cleanups.push(() => observer.disconnect(), () => window.removeEventListener('scroll', onScroll));
  }

  /** After a heading completion (search box), scroll to that heading and put it in the URL. */
  scrollToHeadingHint(toc) {
    const hint = history.state && history.state.heading;
    if (!hint || location.hash) return;
    const entry = toc.find((e) => e.text === hint) || toc.find((e) => e.text.includes(hint));
    if (entry && document.getElementById(entry.anchor)) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}#${encodeURIComponent(entry.anchor)}`);
    }
  }

  // -- aside panels ---------------------------------------------------------------------------

  panel(id, title, ...content) {
    return h('section', { class: 'panel', id, attrs: { 'aria-labelledby': `${id}-title` } },
      h('h2', { class: 'panel__title', id: `${id}-title`, text: title }), content);
  }

  renderLinkPanels(data) {
    const backlinks = uniqueById(data.backlinks || []);
    const keywords = (data.keywords || []).filter((k) => k && k.term).slice(0, 16);
    this.relatedSlot = this.panel('related', '相关文章',
      h('p', { class: 'panel__loading', text: '正在寻找相关文章…' }));
    this.relatedSlot.dataset.state = 'loading';
    this.graphSlot = this.panel('local-graph', '关系图');
    this.graphSlot.hidden = true;
    this.graphSlot.dataset.state = 'loading';
    this.aside.append(this.relatedSlot, this.graphSlot);
    if (backlinks.length) {
      this.aside.append(this.panel('backlinks', `链接到本文（${backlinks.length}）`,
        h('ul', { class: 'link-list' }, backlinks.map((l) => h('li', {},
          h('a', { href: articleUrl(l.id), text: l.title || l.path }),
          l.text && l.text !== l.title ? h('span', { class: 'link-list__note', text: `以「${l.text}」提到` }) : null)))));
    }
    if (keywords.length) {
      this.aside.append(this.panel('keywords', '关键词',
        h('p', { class: 'chips' }, keywords.map((k) => h('a', {
          class: 'chip chip--keyword', href: searchUrl({ q: k.term }), attrs: { title: `搜索「${k.term}」` },
        }, k.term)))));
    }
    const links = uniqueById(data.links || []);
    if (links.length) {
      this.aside.append(this.panel('outlinks', `本文提到（${links.length}）`,
        h('ul', { class: 'link-list' }, links.map((l) => h('li', {},
          h('a', { href: articleUrl(l.id), text: l.title || l.path }))))));
    }
  }

  async loadPanels(data) {
    const { signal } = this.ctx;
    await Promise.all([this.loadRelated(signal), this.loadLocalGraph(data, signal)]);
  }

  async loadRelated(signal) {
    let body;
    try {
      body = await getJson(`${articleApi(this.id)}/related`, { size: 6 }, { signal });
    } catch (error) {
      if (!isAbort(error)) {
        this.relatedSlot.hidden = true; // no related articles to offer: the panel simply is not there
        this.relatedSlot.dataset.state = 'unavailable';
      }
      return;
    }
    const hits = (Array.isArray(body.hits) ? body.hits : []).filter((hit) => hit && hit.id !== this.id);
    if (hits.length === 0) {
      this.relatedSlot.hidden = true;
      this.relatedSlot.dataset.state = 'empty';
      return;
    }
    const list = h('ol', { class: 'related-list' }, hits.map((hit) => h('li', { class: 'related' },
      h('a', { class: 'related__title', href: articleUrl(hit.id), text: hit.title || hit.path }),
      hit.category ? h('span', { class: 'related__category', text: categoryLabel(hit.category) }) : null,
      Array.isArray(hit.reasons) && hit.reasons.length
        ? h('ul', { class: 'reasons', attrs: { 'aria-label': '推荐理由' } },
          hit.reasons.slice(0, 4).map((reason) => h('li', { class: 'reason', text: String(reason) })))
        : null)));
    const title = this.relatedSlot.querySelector('.panel__title');
    replaceChildren(this.relatedSlot, title, list);
    this.relatedSlot.dataset.state = 'ready';
  }

  async loadLocalGraph(data, signal) {
    let graph;
    let cytoscape;
    try {
      [graph, cytoscape] = await Promise.all([
        getJson('/api/graph', { center: this.id, depth: 1 }, { signal }),
        loadLibrary('cytoscape'),
      ]);
    } catch (error) {
      if (!isAbort(error)) this.graphSlot.dataset.state = 'unavailable';
      return;
    }
    if (signal.aborted) return;
    const nodes = Array.isArray(graph.nodes) ? graph.nodes : [];
    if (nodes.length < 2) {
      this.graphSlot.dataset.state = 'empty';
      return;
    }
    const box = h('div', { class: 'local-graph', attrs: { role: 'img', 'aria-label': `本文与 ${nodes.length - 1} 个相邻节点的关系图` } });
    const title = this.graphSlot.querySelector('.panel__title');
    replaceChildren(this.graphSlot, title, box,
      h('p', { class: 'panel__hint' }, '点击节点打开；', h('a', { href: graphUrl() }, '查看完整图谱')));
    this.graphSlot.hidden = false;
    const drawn = drawGraph(cytoscape, box, graph, {
      navigate: this.ctx.navigate,
      center: this.id,
      compact: true,
    });
    this.graphSlot.dataset.state = 'ready';
    this.cleanups.push(() => drawn.destroy());
  }
}

/**
 * Gives every section heading (h2–h4 with an id) a visible permalink: a "#" link, shown on hover
 * and on keyboard focus, named for screen readers after its section.
 */
function addHeadingAnchors(body, title) {
  for (const heading of body.querySelectorAll('h2[id], h3[id], h4[id]')) {
    if (heading === title) continue;
    heading.append(h('a', {
      class: 'heading-anchor',
      href: `#${encodeURIComponent(heading.id)}`,
      attrs: { 'aria-label': `本节链接：${heading.textContent.trim()}` },
    }, '#'));
  }
}

function uniqueById(list) {
  const seen = new Set();
  return list.filter((item) => item && item.id && !seen.has(item.id) && seen.add(item.id));
}

function cssEscape(text) {
  return window.CSS && CSS.escape ? CSS.escape(text) : String(text).replace(/["\\]/g, '\\$&');
}
