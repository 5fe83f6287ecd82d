// The home page: a search box with examples, the categories with their article counts (each opens
// its list of articles), a way into the topic graph, and the knowledge base's own home article
// (README.md), rendered like any article.

import { getJson, categories, isAbort } from './api.js';
import {
  h, replaceChildren, categoryColor, categoryLabel, registerCategories, statusPanel, describeError,
  setTitle, formatNumber,
} from './ui.js';
import { loadLibrary } from './vendor.js';
import { parseHtml, enhanceContent } from './content.js';
import { createSearchBox } from './search-box.js';
import { searchUrl, graphUrl } from './urls.js';

const EXAMPLES = ['自注意力', 'attention mask', 'KNN', '梯度下降', '卷积神经网络', 'pytorch'];
const HOME_PATH = 'README.md';

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
    const [cats, readme] = await Promise.all([
      categories().then((c) => ({ ok: c }), (error) => ({ error })),
      getJson('/api/articles', { path: HOME_PATH }, { signal }).then((a) => ({ ok: a }), (error) => ({ error })),
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
    return h('section', { class: 'hero', attrs: { 'aria-labelledby': 'hero-title' } },
      h('h1', { id: 'hero-title', class: 'hero__title' }, '深度学习，', h('span', { class: 'hero__accent', text: '每天一点' })),
      h('p', { class: 'hero__lead', text: '从 Python、机器学习到 Transformer 与大语言模型的中文知识库。中英文都能搜，公式、代码、相关推荐和知识图谱一应俱全。' }),
      form,
      h('p', { class: 'hero__examples' }, h('span', { text: '试试：' }),
        EXAMPLES.map((q) => h('a', { class: 'chip chip--example', href: searchUrl({ q }) }, q))));
  }

  categories(list) {
    const cats = (Array.isArray(list) ? list : []).filter((c) => c && c.name);
    registerCategories(cats.map((c) => c.name));
    const total = cats.reduce((sum, c) => sum + (Number(c.count) || 0), 0);
    return h('section', { class: 'home-section', attrs: { 'aria-labelledby': 'categories-title' } },
      h('div', { class: 'home-section__head' },
        h('h2', { id: 'categories-title', text: '知识分类' }),
        h('p', { class: 'home-section__meta', text: `${formatNumber(cats.length)} 个分类 · ${formatNumber(total)} 篇文章` })),
      h('ul', { class: 'category-grid' },
        cats.map((c) => h('li', {}, h('a', {
          class: 'category-card',
          href: searchUrl({ category: c.name }),
          style: `--chip-color:${categoryColor(c.name)}`,
        },
        h('span', { class: 'category-card__name', text: categoryLabel(c.name) }),
        h('span', { class: 'category-card__folder', text: c.name }),
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
