// The topic graph at /graph (?category= filters it): GET /api/graph, drawn by graph-draw.js, with a
// category filter, a topics switch, a legend, and the visible nodes as a list of links — the way
// into the graph for keyboards and screen readers (focusing a link centres its node in the
// drawing). A large collection's graph arrives capped (its best-connected part, totalNodes telling
// how much there is): the category filter then asks the server for that category's part, and any
// node can be expanded with its neighbours (its 展开 button in the list, or a right click).

import { getJson, categories, isAbort } from './api.js';
import {
  h, replaceChildren, categoryColor, categoryLabel, registerCategories, statusPanel, describeError,
  setTitle, formatNumber,
} from './ui.js';
import { loadLibrary } from './vendor.js';
import { drawGraph, nodeUrl } from './graph-draw.js';
import { graphUrl } from './urls.js';

const KIND_LABELS = { article: '文章', topic: '主题', category: '分类' };

export async function mount(ctx) {
  const view = new GraphView(ctx);
  await view.load();
  return view;
}

class GraphView {
  constructor(ctx) {
    this.ctx = ctx;
    this.drawn = null;
    ctx.main.classList.add('site-main--graph');
    setTitle('知识图谱');
  }

  unmount() {
    if (this.drawn) this.drawn.destroy();
    this.drawn = null;
  }

  async update(ctx) {
    this.ctx = ctx;
    const category = ctx.url.searchParams.get('category') || '';
    if (this.select && this.select.value !== category) {
      this.select.value = [...this.select.options].some((o) => o.value === category) ? category : '';
      this.applyFilter();
    }
    ctx.ready();
  }

  async load() {
    const { main, signal } = this.ctx;
    replaceChildren(main, h('div', { class: 'graph-loading' }, statusPanel({ title: '正在绘制知识图谱…' })));
    let graph;
    let cytoscape;
    const category = this.ctx.url.searchParams.get('category') || '';
    try {
      [graph, cytoscape] = await Promise.all([
        getJson('/api/graph', {}, { signal }),
        loadLibrary('cytoscape'),
        categories().then((cats) => registerCategories(cats.map((c) => c.name))).catch(() => null),
      ]);
    } catch (error) {
      if (isAbort(error)) throw error;
      this.showError(error);
      return;
    }
    if (signal.aborted) return;
    const nodes = Array.isArray(graph.nodes) ? graph.nodes : [];
    if (nodes.length === 0) {
      replaceChildren(main, statusPanel({
        title: '图谱还是空的',
        detail: '索引里还没有文章之间的关系。',
        children: [h('p', {}, h('a', { class: 'button', href: '/' }, '回到首页'))],
      }));
      this.ctx.ready();
      return;
    }
    this.cytoscape = cytoscape;
    this.whole = graph;
    // every category is in the capped answer too: the filter offers them all
    this.categoryNames = [...new Set(nodes.filter((n) => n.kind !== 'topic' && n.category).map((n) => n.category))].sort();
    if (category && isTruncated(graph) && this.categoryNames.includes(category)) {
      try {
        graph = await getJson('/api/graph', { category }, { signal });
      } catch (error) {
        if (isAbort(error)) throw error;
      }
    }
    this.render(graph, cytoscape);
    this.ctx.ready();
  }

  showError(error) {
    const unavailable = error.status === 404 || error.status === 405 || error.status === 501;
    replaceChildren(this.ctx.main, statusPanel({
      kind: unavailable ? 'info' : 'error',
      title: unavailable ? '知识图谱暂不可用' : '知识图谱加载失败',
      detail: unavailable ? '服务器还没有提供图谱接口。可以先用搜索或分类浏览文章。' : describeError(error),
      retry: unavailable ? null : () => this.ctx.navigate(location.pathname + location.search, { replace: true }),
      children: unavailable ? [h('p', {}, h('a', { class: 'button', href: '/search' }, '去搜索'), ' ',
        h('a', { class: 'button button--ghost', href: '/' }, '回到首页'))] : [],
    }));
    if (unavailable) this.ctx.ready();
    else this.ctx.failed();
  }

  render(graph, cytoscape) {
    const { main } = this.ctx;
    this.graph = graph;
    const cats = this.categoryNames;
    this.select = h('select', { id: 'graph-category', class: 'select' },
      h('option', { value: '' }, '全部分类'),
      cats.map((c) => h('option', { value: c }, categoryLabel(c))));
    // on a phone the topics crowd the small canvas: they start hidden there
    this.topicsToggle = h('input', { type: 'checkbox', id: 'graph-topics', checked: !window.matchMedia('(max-width: 600px)').matches });
    this.stats = h('p', { class: 'graph-toolbar__stats', attrs: { 'aria-live': 'polite' } });
    const fit = h('button', { type: 'button', class: 'button button--ghost', id: 'graph-fit' }, '适应窗口');
    const toolbar = h('div', { class: 'graph-toolbar', attrs: { role: 'group', 'aria-label': '图谱选项' } },
      h('h1', { class: 'graph-toolbar__title', id: 'graph-title', text: '知识图谱' }),
      h('label', { class: 'field', for: 'graph-category' }, h('span', { text: '分类' }), this.select),
      h('label', { class: 'field field--check', for: 'graph-topics' }, this.topicsToggle, h('span', { text: '显示主题' })),
      fit, this.stats);
    this.canvas = h('div', {
      class: 'graph-canvas', id: 'graph-canvas',
      attrs: { role: 'img', 'aria-label': '文章、主题和分类之间的关系图；下方“节点列表”列出图中的每个节点' },
    });
    const legend = h('ul', { class: 'graph-legend', attrs: { 'aria-label': '图例' } },
      cats.map((c) => h('li', {}, h('span', { class: 'legend-dot', style: `background:${categoryColor(c)}`, attrs: { 'aria-hidden': 'true' } }), categoryLabel(c))),
      h('li', {}, h('span', { class: 'legend-diamond', attrs: { 'aria-hidden': 'true' } }), '主题（点击搜索）'),
      h('li', {}, h('span', { class: 'legend-line legend-line--link', attrs: { 'aria-hidden': 'true' } }), '链接'),
      h('li', {}, h('span', { class: 'legend-line legend-line--similar', attrs: { 'aria-hidden': 'true' } }), '内容相似'));
    this.listSummary = h('summary', { class: 'graph-nodes__summary' });
    this.list = h('ul', { class: 'graph-nodes__list', id: 'graph-nodes' });
    const nodeList = h('details', { class: 'graph-nodes' }, this.listSummary, this.list);
    replaceChildren(main, h('section', { class: 'graph-view', attrs: { 'aria-labelledby': 'graph-title' } },
      toolbar, h('div', { class: 'graph-stage' }, this.canvas), legend,
      h('p', { class: 'graph-help', text: '拖动平移，滚轮或双指缩放；悬停查看标题，点击文章打开，点击主题搜索，右键点击节点展开它的邻居。用键盘时可打开节点列表，聚焦一项即在图中定位，“展开”加入它的邻居。' }),
      nodeList));

    this.draw(graph);
    this.list.addEventListener('focusin', (event) => {
      const item = event.target.closest('[data-node]');
      if (item) this.drawn.focusNode(item.dataset.node);
    });
    this.list.addEventListener('focusout', () => this.drawn.blurNode());
    this.list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-expand]');
      if (button) this.expand(button.dataset.expand);
    });
    this.select.addEventListener('change', () => this.onFilterChange());
    this.topicsToggle.addEventListener('change', () => this.applyFilter());
    fit.addEventListener('click', () => this.drawn.fit());
    const category = this.ctx.url.searchParams.get('category') || '';
    this.select.value = cats.includes(category) ? category : '';
    if (this.select.value || !this.topicsToggle.checked) {
      this.applyFilter();
    } else {
      this.describe();
    }
  }

  /** Draws `graph` into the canvas (replacing what was drawn). */
  draw(graph) {
    if (this.drawn) this.drawn.destroy();
    this.graph = graph;
    replaceChildren(this.canvas);
    this.drawn = drawGraph(this.cytoscape, this.canvas, graph, {
      navigate: this.ctx.navigate,
      onExpand: (node) => this.expand(node.id),
      onCategory: (category) => {
        this.select.value = category;
        this.onFilterChange();
      },
    });
  }

  onFilterChange() {
    history.replaceState(history.state, '', graphUrl({ category: this.select.value }));
    if (isTruncated(this.whole)) {
      this.redraw(this.select.value);
    } else {
      this.applyFilter();
    }
  }

  /** A capped graph: the server draws the category's own part (or the whole graph's again). */
  async redraw(category) {
    const turn = (this.turn || 0) + 1;
    this.turn = turn;
    let graph = this.whole;
    if (category) {
      try {
        graph = await getJson('/api/graph', { category }, { signal: this.ctx.signal });
      } catch (error) {
        if (isAbort(error)) return;
        this.showError(error);
        return;
      }
    }
    // a later choice of category wins over an answer that arrives late
    if (turn !== this.turn || !this.canvas || !this.canvas.isConnected) return;
    this.draw(graph);
    this.applyFilter();
  }

  /** Adds a node's neighbours (GET /api/graph?center=) to the drawing. */
  async expand(id) {
    let more;
    try {
      more = await getJson('/api/graph', { center: id, depth: 1 }, { signal: this.ctx.signal });
    } catch (error) {
      if (isAbort(error)) return;
      this.stats.textContent = `展开失败：${describeError(error)}`;
      return;
    }
    if (!this.drawn) return;
    const added = this.drawn.expand(more);
    this.drawn.show({ category: this.select.value, topics: this.topicsToggle.checked });
    this.describe(added);
  }

  applyFilter() {
    if (!this.drawn) return;
    this.drawn.show({ category: this.select.value, topics: this.topicsToggle.checked });
    this.describe();
  }

  /** Updates the counts and the node list to what the drawing shows now. */
  describe(added = null) {
    const { articles, topics, edges } = this.drawn.counts();
    const total = this.graph && isTruncated(this.graph)
      ? ` · 显示连接最多的部分（全图 ${formatNumber(this.graph.totalNodes)} 个节点）` : '';
    const expanded = added === null ? '' : ` · 展开新增 ${formatNumber(added)} 个节点`;
    this.stats.textContent = `${formatNumber(articles)} 篇文章 · ${formatNumber(topics)} 个主题 · ${formatNumber(edges)} 条关系${total}${expanded}`;
    const nodes = this.drawn.visibleNodes();
    replaceChildren(this.listSummary, `节点列表（${formatNumber(nodes.length)}）`);
    replaceChildren(this.list, nodes.map((node) => h('li', {},
      h('a', {
        href: node.kind === 'category' ? graphUrl({ category: node.category || node.label }) : nodeUrl(node),
        dataset: { node: node.id, kind: node.kind, category: node.category || '' },
      },
      h('span', { class: 'graph-nodes__kind', text: KIND_LABELS[node.kind] || '文章' }),
      node.kind === 'category' ? categoryLabel(node.category || node.label) : node.label),
      node.kind === 'category' ? null : h('button', {
        type: 'button', class: 'graph-nodes__expand', dataset: { expand: node.id },
        attrs: { 'aria-label': `展开「${node.label}」的邻居` },
      }, '展开'))));
  }
}

/** Whether the server left nodes out of this graph. */
function isTruncated(graph) {
  return Boolean(graph) && Array.isArray(graph.nodes) && Number(graph.totalNodes) > graph.nodes.length;
}
