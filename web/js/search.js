// The results view at /search?q=…&category=…&tag=…&page=…: highlighted snippets, category
// facets, "did you mean", paging and helpful empty states. Without a query it browses a category
// or tag, or offers examples and the categories. The search box itself lives in search-box.js.

import { getJson, categories, isAbort } from './api.js';
import { reportOpen } from './feedback.js';
import {
  h, replaceChildren, setSnippet, categoryLabel, categoryChip, categoryColor,
  registerCategories, statusPanel, describeError, setTitle, announce, formatNumber,
} from './ui.js';
import { setResultsNavigator, syncHeaderBox } from './search-box.js';
import { articleUrl, searchUrl, readSearchParams } from './urls.js';
import { exampleQueries, categoryParam } from './site.js';

const PAGE_SIZE = 10;
const BROWSE_PAGE_SIZE = 20;
/** How many of the site's example queries the empty states offer. */
const EXAMPLES = 8;

// ---- the results view ----------------------------------------------------------------------

export async function mount(ctx) {
  const view = new SearchView(ctx);
  setResultsNavigator(view);
  await view.update(ctx);
  return view;
}

class SearchView {
  constructor(ctx) {
    this.main = ctx.main;
    this.navigate = ctx.navigate;
    this.controller = null;
    this.selected = -1;
    this.main.classList.add('site-main--search');
    this.facets = h('aside', { class: 'facets', attrs: { 'aria-labelledby': 'facets-title' } });
    this.header = h('div', { class: 'results-header' });
    this.list = h('ol', { class: 'hits', id: 'results', attrs: { 'aria-labelledby': 'results-title' } });
    this.pager = h('nav', { class: 'pager', attrs: { 'aria-label': '分页' } });
    this.body = h('section', { class: 'results', attrs: { 'aria-labelledby': 'results-title' } },
      this.header, this.list, this.pager);
    replaceChildren(this.main, h('div', { class: 'search-layout' }, this.body, this.facets));
  }

  unmount() {
    if (this.controller) this.controller.abort();
    setResultsNavigator(null);
  }

  async update(ctx) {
    const params = readSearchParams(ctx.url);
    this.params = params;
    syncHeaderBox(params.q);
    if (this.controller) this.controller.abort();
    this.controller = new AbortController();
    const signal = this.controller.signal;
    this.body.classList.add('is-loading');
    this.body.setAttribute('aria-busy', 'true');
    try {
      if (params.q) {
        await this.search(params, signal);
      } else if (params.category || params.tag) {
        await this.browse(params, signal);
      } else {
        await this.landing(signal);
      }
      if (!signal.aborted) ctx.ready();
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      this.showError(error, () => this.update(ctx));
      ctx.failed();
    } finally {
      if (!signal.aborted) {
        this.body.classList.remove('is-loading');
        this.body.setAttribute('aria-busy', 'false');
      }
    }
  }

  // -- search ---------------------------------------------------------------------------------

  async search(params, signal) {
    setTitle(`${params.q} - 搜索`);
    const result = await getJson('/api/search', {
      q: params.q, page: params.page, size: PAGE_SIZE, category: params.category, tag: params.tag, mode: params.mode,
    }, { signal });
    if (signal.aborted) return;
    const hits = Array.isArray(result.hits) ? result.hits : [];
    const total = Number(result.total) || 0;
    this.selected = -1;
    this.renderFacets(params, (result.facets && result.facets.category) || [], total);
    this.renderHeader(params, result, total);
    if (hits.length === 0) {
      this.renderEmpty(params, result, total);
      announce(total > 0 ? '这一页没有结果' : `没有找到与“${params.q}”相关的文章`);
    } else {
      // the article highlights what was searched: the suggestion when the results are for it
      const searched = result.suggestionApplied && result.suggestion ? result.suggestion : params.q;
      replaceChildren(this.list, hits.map((hit, i) => this.renderHit(searchHitCard(hit, searched), i, params)));
      this.renderPager(params, total, PAGE_SIZE);
      announce(`找到 ${total} 篇文章`);
    }
  }

  renderHeader(params, result, total) {
    const title = h('h1', { id: 'results-title', class: 'results-header__title' });
    if (total > 0) {
      title.append('找到 ', h('strong', { text: formatNumber(total) }), ' 篇与「', h('span', { class: 'query', text: params.q }), '」相关的文章');
    } else {
      title.append('没有找到与「', h('span', { class: 'query', text: params.q }), '」相关的文章');
    }
    const meta = h('p', { class: 'results-header__meta' });
    if (typeof result.tookMs === 'number') {
      meta.append(`用时 ${formatNumber(result.tookMs)} 毫秒`);
    }
    if (result.mode === 'hybrid') {
      meta.append(' · 关键词 + 语义');
    } else if (result.mode === 'semantic') {
      meta.append(' · 按语义');
    } else if (result.semanticEnabled && !result.semanticReady && params.mode !== 'lexical') {
      meta.append(' · 语义搜索准备中，当前按关键词检索');
    }
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (total > PAGE_SIZE) {
      meta.append(` · 第 ${params.page} / ${pages} 页`);
    }
    const notes = [];
    if (result.suggestion && result.suggestionApplied) {
      notes.push(h('p', { class: 'notice notice--info' },
        '没有找到「', h('span', { class: 'query', text: params.q }), '」的结果，以下是「',
        h('strong', { text: result.suggestion }), '」的结果。'));
    } else if (result.suggestion && total > 0) { // with nothing found, the empty state offers it
      notes.push(h('p', { class: 'notice notice--info' }, '你是不是要找：',
        h('a', { class: 'did-you-mean', href: searchUrl({ q: result.suggestion, category: params.category, tag: params.tag, mode: params.mode }) },
          result.suggestion), '？'));
    }
    if (total > 0 && result.allTermsMatched === false) {
      notes.push(h('p', { class: 'notice' }, '部分结果只包含一部分关键词。'));
    }
    if (result.timedOut) {
      notes.push(h('p', { class: 'notice notice--warn' }, '搜索超时，结果可能不完整。'));
    }
    replaceChildren(this.header, h('div', { class: 'results-header__top' }, title, this.modeSwitch(params, result)),
      meta, this.activeFilters(params), notes);
  }

  /**
   * 关键词 / 语义 / 混合: the ranking of /api/search (mode=lexical|semantic|hybrid), kept in the
   * URL. Without semantic search on the server only 关键词 can be chosen.
   */
  modeSwitch(params, result) {
    const enabled = result.semanticEnabled !== false;
    const current = enabled ? params.mode : 'lexical';
    const options = [['lexical', '关键词', '按词语匹配'], ['semantic', '语义', '按含义相近'], ['hybrid', '混合', '词语与含义结合']];
    const group = h('fieldset', { class: 'mode-switch', dataset: { mode: current } },
      h('legend', { class: 'visually-hidden', text: '检索方式' }),
      options.map(([mode, label, hint]) => {
        const disabled = !enabled && mode !== 'lexical';
        const input = h('input', {
          type: 'radio', name: 'search-mode', value: mode, id: `mode-${mode}`, checked: mode === current, disabled,
        });
        return h('label', {
          class: 'mode-switch__option', for: `mode-${mode}`,
          attrs: { title: disabled ? '本服务没有启用语义搜索' : hint },
        }, input, h('span', { text: label }));
      }));
    group.addEventListener('change', (event) => {
      const mode = event.target.value;
      if (mode && mode !== params.mode) this.navigate(searchUrl({ ...params, page: 1, mode }));
    });
    return group;
  }

  activeFilters(params) {
    const chips = [];
    if (params.category && params.q) {
      chips.push(h('a', {
        class: 'filter-chip', href: searchUrl({ q: params.q, mode: params.mode, tag: params.tag }),
        attrs: { 'aria-label': `移除分类筛选：${categoryLabel(params.category)}` },
      }, `分类：${categoryLabel(params.category)}`, h('span', { class: 'filter-chip__x', attrs: { 'aria-hidden': 'true' } }, '×')));
    }
    if (params.tag) {
      chips.push(h('a', {
        class: 'filter-chip', href: searchUrl({ q: params.q, mode: params.mode, category: params.category }),
        attrs: { 'aria-label': `移除标签筛选：${params.tag}` },
      }, `标签：${params.tag}`, h('span', { class: 'filter-chip__x', attrs: { 'aria-hidden': 'true' } }, '×')));
    }
    return chips.length ? h('p', { class: 'filters' }, chips) : null;
  }

  /** One result: a search hit or a listed article, both as a card (see searchHitCard, articleCard). */
  renderHit(card, index, params) {
    const snippetEl = h('p', { class: 'hit__snippet' });
    if (card.snippetHtml) {
      setSnippet(snippetEl, card.snippetHtml);
    } else {
      snippetEl.textContent = card.text;
    }
    const tags = card.tags.slice(0, 6);
    return h('li', { class: 'hit', id: `hit-${index}`, dataset: { index: String(index) } },
      h('article', {},
        h('h2', { class: 'hit__title' }, h('a', {
          href: card.href, text: card.title, on: { click: () => reportOpen(params.q, card.path) },
        })),
        h('p', { class: 'hit__meta' },
          card.category ? categoryChip(card.category) : null,
          h('span', { class: 'hit__path', text: card.path }),
          card.notebook ? h('span', { class: 'chip chip--muted', text: 'Notebook' }) : null,
          card.meaningOnly ? h('span', {
            class: 'chip chip--muted chip--semantic',
            text: '语义相近',
            attrs: { title: '按含义找到：文中不一定出现你输入的词' },
          }) : null),
        card.snippetHtml || card.text ? snippetEl : null,
        tags.length ? h('p', { class: 'hit__tags' }, tags.map((tag) => h('a', {
          class: 'tag',
          href: searchUrl({ q: params.q, mode: params.mode, category: params.category, tag }),
          attrs: { title: `只看标签「${tag}」` },
        }, `#${tag}`))) : null));
  }

  renderFacets(params, facets, total) {
    const visible = facets.filter((f) => f && typeof f.value === 'string');
    registerCategories(visible.map((f) => f.value));
    const items = [h('li', {}, h('a', {
      class: 'facet',
      href: searchUrl({ q: params.q, mode: params.mode, tag: params.tag }),
      attrs: { 'aria-current': params.category ? null : 'true' },
    }, h('span', { class: 'facet__label', text: '全部分类' }),
    params.category ? null : h('span', { class: 'facet__count', text: formatNumber(total) })))];
    for (const facet of visible) {
      const selected = categoryParam(facet.value) === params.category;
      items.push(h('li', {}, h('a', {
        class: 'facet',
        href: searchUrl({ q: params.q, mode: params.mode, tag: params.tag, category: selected ? '' : categoryParam(facet.value) }),
        attrs: { 'aria-current': selected ? 'true' : null, title: selected ? '取消这个分类筛选' : `只看 ${categoryLabel(facet.value)}` },
      },
      h('span', { class: 'facet__dot', style: `background:${categoryColor(facet.value)}`, attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'facet__label', text: categoryLabel(facet.value) }),
      h('span', { class: 'facet__count', text: formatNumber(facet.count) }))));
    }
    replaceChildren(this.facets,
      h('h2', { id: 'facets-title', class: 'facets__title', text: '按分类筛选' }),
      h('ul', { class: 'facets__list' }, items));
    this.facets.hidden = visible.length === 0 && !params.category;
  }

  renderPager(params, total, size, urlFor = (page) => searchUrl({ ...params, page })) {
    const pages = Math.ceil(total / size);
    if (pages <= 1) {
      replaceChildren(this.pager);
      this.pager.hidden = true;
      return;
    }
    this.pager.hidden = false;
    const page = Math.min(params.page, pages);
    const link = (n, label, extra = {}) => h('a', { class: 'pager__link', href: urlFor(n), ...extra }, label);
    const items = [];
    items.push(page > 1 ? link(page - 1, '‹ 上一页', { attrs: { rel: 'prev' } })
      : h('span', { class: 'pager__link is-disabled', attrs: { 'aria-disabled': 'true' } }, '‹ 上一页'));
    const from = Math.max(1, Math.min(page - 2, pages - 4));
    const to = Math.min(pages, from + 4);
    for (let n = from; n <= to; n++) {
      items.push(n === page
        ? h('span', { class: 'pager__link is-current', attrs: { 'aria-current': 'page' } }, String(n))
        : link(n, String(n), { attrs: { 'aria-label': `第 ${n} 页` } }));
    }
    items.push(page < pages ? link(page + 1, '下一页 ›', { attrs: { rel: 'next' } })
      : h('span', { class: 'pager__link is-disabled', attrs: { 'aria-disabled': 'true' } }, '下一页 ›'));
    replaceChildren(this.pager, items);
  }

  async renderEmpty(params, result, total) {
    replaceChildren(this.pager);
    this.pager.hidden = true;
    if (total > 0) {
      replaceChildren(this.list, h('li', { class: 'empty' }, statusPanel({
        title: '这一页没有结果',
        level: 2,
        detail: `共 ${total} 篇结果，页码超出了范围。`,
        children: [h('p', {}, h('a', { class: 'button', href: searchUrl({ ...params, page: 1 }) }, '回到第 1 页'))],
      })));
      return;
    }
    const tips = h('ul', { class: 'tips' },
      h('li', {}, '换一个说法，或者用更短、更常见的词。'),
      h('li', {}, '中英文都可以试试，例如「注意力」和「attention」、「卷积神经网络」和「CNN」。'),
      h('li', {}, '检查一下拼写。'));
    if (result.semanticEnabled && params.mode !== 'hybrid') {
      const other = params.mode === 'lexical' ? ['semantic', '按语义搜索（找含义相近的文章）'] : ['hybrid', '用混合方式搜索（词语与含义结合）'];
      tips.prepend(h('li', {}, h('a', { href: searchUrl({ ...params, page: 1, mode: other[0] }) }, other[1])));
    }
    if (params.category || params.tag) {
      tips.append(h('li', {}, h('a', { href: searchUrl({ q: params.q, mode: params.mode }) }, '去掉筛选条件，在全部文章中搜索')));
    }
    const panel = statusPanel({
      title: '没有找到',
      level: 2,
      detail: params.mode === 'semantic' || result.mode === 'hybrid'
        ? '知识库里没有与这个查询足够相近的文章。' : '没有文章包含这些词。',
      children: [
        result.suggestion ? h('p', { class: 'empty__suggestion' }, '你是不是要找：',
          h('a', { class: 'did-you-mean', href: searchUrl({ q: result.suggestion, category: params.category, tag: params.tag, mode: params.mode }) },
            result.suggestion), '？') : null,
        tips,
        h('p', { class: 'examples' }, '试试这些：', exampleLinks()),
      ],
    });
    panel.dataset.empty = 'true';
    const holder = h('li', { class: 'empty' }, panel);
    replaceChildren(this.list, holder);
    try {
      const cats = await categories();
      panel.append(h('h3', { class: 'status__subtitle', text: '或者按分类浏览' }), categoryLinks(cats));
    } catch (error) {
      // the category list is extra help here; without it the tips still stand
    }
  }

  // -- browse (category or tag, no query) -----------------------------------------------------

  async browse(params, signal) {
    setTitle(params.category ? `${categoryLabel(params.category)} - 分类` : `#${params.tag}`);
    const [list, cats] = await Promise.all([
      getJson('/api/articles', { category: params.category }, { signal }),
      categories().catch(() => []),
    ]);
    if (signal.aborted) return;
    let articles = Array.isArray(list.articles) ? list.articles : [];
    if (params.tag) {
      const wanted = params.tag.toLowerCase();
      articles = articles.filter((a) => Array.isArray(a.tags) && a.tags.some((t) => String(t).toLowerCase() === wanted));
    }
    const facets = (Array.isArray(cats) ? cats : []).map((c) => ({ value: c.name, count: c.count }));
    this.selected = -1;
    this.renderFacets(params, facets, facets.reduce((sum, f) => sum + (Number(f.count) || 0), 0));
    const title = h('h1', { id: 'results-title', class: 'results-header__title' });
    if (params.category) {
      title.append('分类「', h('span', { class: 'query', text: categoryLabel(params.category) }), '」');
    } else {
      title.append('标签「', h('span', { class: 'query', text: params.tag }), '」');
    }
    replaceChildren(this.header, title,
      h('p', { class: 'results-header__meta', text: `共 ${formatNumber(articles.length)} 篇文章` }),
      this.activeFilters(params));
    if (articles.length === 0) {
      replaceChildren(this.list, h('li', { class: 'empty' }, statusPanel({
        title: '这里还没有文章',
        level: 2,
        children: [h('p', {}, h('a', { href: '/search' }, '去搜索'), ' 或 ', h('a', { href: '/' }, '回到首页'))],
      })));
      replaceChildren(this.pager);
      this.pager.hidden = true;
      return;
    }
    const start = (params.page - 1) * BROWSE_PAGE_SIZE;
    replaceChildren(this.list, articles.slice(start, start + BROWSE_PAGE_SIZE)
      .map((a, i) => this.renderHit(articleCard(a), i, params)));
    this.renderPager(params, articles.length, BROWSE_PAGE_SIZE);
    announce(`共 ${articles.length} 篇文章`);
  }

  // -- landing (nothing asked yet) ------------------------------------------------------------

  async landing(signal) {
    setTitle('搜索');
    this.facets.hidden = true;
    replaceChildren(this.pager);
    this.pager.hidden = true;
    replaceChildren(this.header, h('h1', { id: 'results-title', class: 'results-header__title', text: '搜索知识库' }),
      h('p', { class: 'results-header__meta', text: '在上方输入关键词，结果会随输入即时出现。中英文都可以。' }));
    const panel = h('div', { class: 'landing' },
      h('h2', { text: '试试这些' }), h('p', { class: 'examples' }, exampleLinks()));
    replaceChildren(this.list, h('li', { class: 'empty' }, panel));
    const cats = await categories();
    if (signal.aborted) return;
    panel.append(h('h2', { text: '按分类浏览' }), categoryLinks(cats));
  }

  showError(error, retry) {
    this.facets.hidden = true;
    replaceChildren(this.header);
    replaceChildren(this.pager);
    this.pager.hidden = true;
    replaceChildren(this.list, h('li', { class: 'empty' }, statusPanel({
      kind: 'error',
      title: error && error.status === 400 ? '无法执行这个搜索' : '搜索服务暂时不可用',
      detail: describeError(error),
      retry,
    })));
    announce('搜索失败');
  }

  // -- keyboard selection (driven by the search box) ------------------------------------------

  hasResults() {
    return this.list.querySelector('.hit') !== null;
  }

  moveSelection(delta) {
    const hits = [...this.list.querySelectorAll('.hit')];
    if (hits.length === 0) return;
    let next = this.selected + delta;
    if (next < 0) next = -1;
    if (next >= hits.length) next = hits.length - 1;
    this.selected = next;
    hits.forEach((hit, i) => hit.classList.toggle('is-selected', i === next));
    if (next >= 0) {
      hits[next].scrollIntoView({ block: 'nearest' });
      const link = hits[next].querySelector('.hit__title a');
      announce(link ? link.textContent : '');
    } else {
      window.scrollTo({ top: 0 });
    }
  }

  openSelection() {
    const hit = this.list.querySelectorAll('.hit')[this.selected];
    const link = hit && hit.querySelector('.hit__title a');
    if (!link) return false;
    link.click();
    return true;
  }
}

function exampleLinks() {
  return exampleQueries(EXAMPLES).map((q) => h('a', { class: 'chip chip--example', href: searchUrl({ q }) }, q));
}

/** Links to every category with its article count. */
function categoryLinks(cats) {
  const list = (Array.isArray(cats) ? cats : []).filter((c) => c && typeof c.name === 'string');
  registerCategories(list.map((c) => c.name));
  return h('ul', { class: 'category-links' }, list.map((c) => h('li', {},
    h('a', { href: searchUrl({ category: categoryParam(c.name) }), style: `--chip-color:${categoryColor(c.name)}` },
      h('span', { class: 'facet__dot', attrs: { 'aria-hidden': 'true' } }),
      c.label || categoryLabel(c.name), h('span', { class: 'category-links__count', text: formatNumber(c.count) })))));
}

/**
 * A search hit (GET /api/search: id, path, title, category, tags, snippet, score, signals) as a
 * card linking to the article with `query`, for it to highlight. Hits carry no kind: a notebook is
 * known by its path.
 */
function searchHitCard(hit, query) {
  return {
    href: articleUrl(hit.id, { q: query }),
    title: hit.title || hit.path || '',
    path: hit.path || '',
    category: hit.category || '',
    tags: Array.isArray(hit.tags) ? hit.tags : [],
    snippetHtml: typeof hit.snippet === 'string' ? hit.snippet : '',
    text: '',
    notebook: /\.ipynb$/i.test(hit.path || ''),
    meaningOnly: foundByMeaningOnly(hit),
  };
}

/** A listed article (GET /api/articles: id, path, title, category, tags, summary, kind) as a card. */
function articleCard(article) {
  return {
    href: articleUrl(article.id),
    title: article.title || article.path || '',
    path: article.path || '',
    category: article.category || '',
    tags: Array.isArray(article.tags) ? article.tags : [],
    snippetHtml: '',
    text: typeof article.summary === 'string' ? article.summary : '',
    notebook: article.kind === 'notebook',
    meaningOnly: false,
  };
}

/** A hit only the dense ranking found: none of the reader's words need be in it, so say why it is here. */
function foundByMeaningOnly(hit) {
  return Array.isArray(hit.signals) && hit.signals.includes('semantic') && !hit.signals.includes('lexical');
}
