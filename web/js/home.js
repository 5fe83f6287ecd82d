// The home page: a search box with examples, the categories with their article counts (each opens
// its list of articles), a way into the topic graph, and the knowledge base's own home article
// (README.md), rendered like any article.

import { getArticleAtPath, categories, isAbort } from './api.js';
import {
  h, replaceChildren, categoryColor, categoryLabel, registerCategories, statusPanel, describeError,
  setTitle, formatNumber,
} from './ui.js';
import { loadLibrary } from './vendor.js';
import { parseHtml, enhanceContent } from './content.js';
import { createSearchBox } from './search-box.js';
import { searchUrl, graphUrl } from './urls.js';
import { siteInfo, exampleQueries, categoryParam } from './site.js';

/** How many of the site's example queries the home page offers. */
const EXAMPLES = 6;

export async function mount(ctx) {
  const view = new HomeView(ctx);
  await view.load();
  return view;
}

class HomeView {
  constructor(ctx) {
    this.ctx = ctx;
    this.box = null;
    ctx.main.classList.add('site-main--home');
    setTitle('');
  }

  unmount() {
    if (this.box) this.box.destroy();
    if (this.stopContent) this.stopContent();
  }

  async load() {
    const { main, signal } = this.ctx;
    const libs = Promise.all([loadLibrary('katex').catch(() => null), loadLibrary('hljs').catch(() => null)]);
    const home = siteInfo().home;
    const [cats, readme] = await Promise.all([
      categories().then((c) => ({ ok: c }), (error) => ({ error })),
      home ? getArticleAtPath(home, { signal }).then((a) => ({ ok: a }), (error) => ({ error }))
        : Promise.resolve({ error: { notFound: true } }),
    ]);
    if (signal.aborted) return;
    if (isAbort(readme.error)) return;
    if (cats.error && readme.error && !readme.error.notFound) {
      replaceChildren(main, statusPanel({
        kind: 'error',
        title: '知识库暂时无法访问',
        detail: describeError(cats.error),
        retry: () => this.ctx.navigate('/', { replace: true }),
      }));
      this.ctx.failed();
      return;
    }
    await libs;
    if (signal.aborted) return;
    replaceChildren(main, this.hero(),
      cats.ok ? this.categories(cats.ok) : h('p', { class: 'notice notice--warn' }, `分类列表加载失败：${describeError(cats.error)}`),
      readme.ok ? this.readme(readme.ok) : null);
    this.ctx.ready();
  }

  hero() {
    const input = h('input', {
      id: 'home-q', name: 'q', type: 'search', placeholder: '搜索文章、公式、代码……', maxLength: 200,
      attrs: {
        role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'home-q-listbox',
        enterkeyhint: 'search', spellcheck: 'false', autocomplete: 'off',
      },
    });
    const listbox = h('ul', { id: 'home-q-listbox', class: 'suggestions', hidden: true, attrs: { role: 'listbox', 'aria-label': '搜索建议' } });
    const form = h('form', { class: 'hero-search', action: '/search', method: 'get', attrs: { role: 'search' } },
      h('label', { class: 'visually-hidden', for: 'home-q', text: '搜索知识库' }),
      h('div', { class: 'combobox' }, input, listbox),
      h('button', { type: 'submit', class: 'button button--primary' }, '搜索'));
    this.box = createSearchBox({
      input, listbox, form, live: false, navigate: this.ctx.navigate, currentView: () => 'home',
    });
    const site = siteInfo();
    const examples = exampleQueries(EXAMPLES);
    return h('section', { class: 'hero', attrs: { 'aria-labelledby': 'hero-title' } },
      h('h1', { id: 'hero-title', class: 'hero__title' }, heroTitle(site.tagline || site.title)),
      site.description ? h('p', { class: 'hero__lead', text: site.description }) : null,
      form,
      examples.length ? h('p', { class: 'hero__examples' }, h('span', { text: '试试：' }),
        examples.map((q) => h('a', { class: 'chip chip--example', href: searchUrl({ q }) }, q))) : null);
  }

  categories(list) {
    // the notes at the top of the folder are a category too (name "")
    const cats = (Array.isArray(list) ? list : []).filter((c) => c && typeof c.name === 'string');
    registerCategories(cats.map((c) => c.name));
    const total = cats.reduce((sum, c) => sum + (Number(c.count) || 0), 0);
    return h('section', { class: 'home-section', attrs: { 'aria-labelledby': 'categories-title' } },
      h('div', { class: 'home-section__head' },
        h('h2', { id: 'categories-title', text: '知识分类' }),
        h('p', { class: 'home-section__meta', text: `${formatNumber(cats.length)} 个分类 · ${formatNumber(total)} 篇文章` })),
      h('ul', { class: 'category-grid' },
        cats.map((c) => h('li', {}, h('a', {
          class: 'category-card',
          href: searchUrl({ category: categoryParam(c.name) }),
          style: `--chip-color:${categoryColor(c.name)}`,
        },
        h('span', { class: 'category-card__name', text: c.label || categoryLabel(c.name) }),
        h('span', { class: 'category-card__folder', text: c.name || '/' }),
        h('span', { class: 'category-card__count' }, h('strong', { text: formatNumber(c.count) }), ' 篇')))),
        h('li', {}, h('a', { class: 'category-card category-card--graph', href: graphUrl() },
          h('span', { class: 'category-card__name', text: '知识图谱' }),
          h('span', { class: 'category-card__folder', text: '文章、主题与分类之间的关系' }),
          h('span', { class: 'category-card__count', text: '打开 →' })))));
  }

  readme(articleData) {
    const body = h('div', { class: 'markdown-body' });
    body.appendChild(parseHtml(articleData.html || ''));
    const first = body.querySelector('h1');
    if (first) first.remove(); // the hero already names the knowledge base
    this.stopContent = enhanceContent(body);
    return h('article', { class: 'home-readme', attrs: { 'aria-labelledby': 'readme-title' } },
      h('h2', { id: 'readme-title', class: 'home-readme__title', text: articleData.title || '首页' }),
      body);
  }
}

/** "刷题，每天一道" → "刷题，" + an accented "每天一道"; a tagline without a comma stays whole. */
function heroTitle(text) {
  const at = Math.max(text.lastIndexOf('，'), text.lastIndexOf(', '));
  if (at <= 0 || at >= text.length - 1) return text;
  const cut = text[at] === '，' ? at + 1 : at + 2;
  return [text.slice(0, cut), h('span', { class: 'hero__accent', text: text.slice(cut) })];
}
