// The topic graph at /graph (?category= filters it): articles, topics and categories from
// GET /api/graph drawn with cytoscape. Articles are coloured by category, topics are diamonds;
// hovering shows the title, clicking an article opens it and clicking a topic searches it.
// drawGraph() is shared with the small local graph of the reader.

import { getJson, categories, isAbort } from './api.js';
import {
  h, replaceChildren, categoryColor, categoryLabel, registerCategories, statusPanel, describeError,
  setTitle, loadLibrary, formatNumber,
} from './ui.js';

const TOPIC_COLOR = '#d97706';
const NEUTRAL_COLOR = '#64748b';

function cssVar(name, fallback) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function truncate(text, max) {
  const chars = [...String(text || '')];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

function articleId(node) {
  return String(node.id).replace(/^article:/, '');
}

function graphStyle(compact) {
  const text = cssVar('--text', '#1f2328');
  const bg = cssVar('--bg', '#ffffff');
  const edge = cssVar('--graph-edge', '#c3c9d1');
  const link = cssVar('--graph-link', '#8a94a3');
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        width: 'data(size)',
        height: 'data(size)',
        // the small local graph names only its centre (hover shows the rest); the whole graph
        // names every article once the reader zooms in
        label: compact ? '' : 'data(short)',
        'font-size': compact ? 9 : 10,
        'font-family': cssVar('--font-sans', 'sans-serif'),
        color: text,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-outline-color': bg,
        'text-outline-width': 2,
        'text-max-width': 120,
        'text-wrap': 'ellipsis',
        'border-width': 1.5,
        'border-color': bg,
        'min-zoomed-font-size': compact ? 0 : 11,
      },
    },
    {
      selector: 'node[kind = "topic"]',
      style: {
        shape: 'diamond',
        'background-color': TOPIC_COLOR,
        label: 'data(short)',
        'font-size': 10,
        'min-zoomed-font-size': compact ? 0 : 7, // a zoomed-out graph (a phone) stays legible
        color: cssVar('--muted', '#59636e'),
      },
    },
    {
      selector: 'node[kind = "category"]',
      style: {
        shape: 'round-rectangle',
        label: 'data(short)',
        'font-size': 12,
        'font-weight': 'bold',
        'text-valign': 'center',
        'text-margin-y': 0,
        color: '#ffffff',
        'text-outline-color': 'data(color)',
        width: 'data(size)', // sized to its label in toElements()
        height: 22,
        'text-max-width': 320,
      },
    },
    { selector: 'node.center', style: { 'border-width': 3, 'border-color': text, label: 'data(short)', 'font-weight': 'bold' } },
    {
      selector: 'node.hover',
      style: { label: 'data(short)', 'border-width': 2.5, 'border-color': text, 'z-index': 20, 'min-zoomed-font-size': 0 },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': edge,
        'curve-style': 'straight',
        opacity: 0.7,
      },
    },
    {
      selector: 'edge[kind = "link"]',
      style: {
        'line-color': link,
        'target-arrow-color': link,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6,
      },
    },
    { selector: 'edge[kind = "similar"]', style: { 'line-style': 'dashed', 'line-color': link } },
    { selector: 'edge[kind = "category"]', style: { opacity: 0.22, width: 0.6 } },
    { selector: 'edge[kind = "topic"]', style: { 'line-style': 'dotted', opacity: 0.45, 'line-color': TOPIC_COLOR } },
    { selector: 'edge.hover', style: { opacity: 1, width: 'data(hoverWidth)', 'z-index': 10 } },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}

/** Converts the API graph into cytoscape elements (dropping edges whose ends are missing). */
function toElements(graph, { center }) {
  const nodes = (Array.isArray(graph.nodes) ? graph.nodes : []).filter((n) => n && n.id != null);
  const ids = new Set(nodes.map((n) => String(n.id)));
  registerCategories(nodes.map((n) => n.category).filter(Boolean));
  const weights = nodes.filter((n) => n.kind !== 'category').map((n) => Number(n.weight) || 0);
  const maxWeight = Math.max(1, ...weights);
  const elements = [];
  for (const node of nodes) {
    const kind = node.kind || 'article';
    const weight = Math.max(0, Number(node.weight) || 0) / maxWeight;
    const label = String(node.label || node.id);
    let size = 12 + Math.sqrt(weight) * 22;
    if (kind === 'topic') size = 9 + Math.sqrt(weight) * 12;
    const short = truncate(kind === 'category' ? categoryLabel(node.category || label) : label, kind === 'topic' ? 14 : 22);
    if (kind === 'category') size = 20 + [...short].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 13 : 8), 0);
    if (String(node.id) === center) size = Math.max(size, 28);
    elements.push({
      group: 'nodes',
      data: {
        id: String(node.id),
        label,
        short,
        kind,
        category: node.category || '',
        // the home page sits outside every category: a neutral colour
        color: kind === 'topic' ? TOPIC_COLOR : node.category ? categoryColor(node.category) : NEUTRAL_COLOR,
        size,
      },
      classes: String(node.id) === center ? 'center' : '',
    });
  }
  const edges = (Array.isArray(graph.edges) ? graph.edges : [])
    .filter((e) => e && ids.has(String(e.source)) && ids.has(String(e.target)) && e.source !== e.target);
  // weights are comparable only within one kind of edge (a link is 1, a similarity a cosine …)
  const maxByKind = new Map();
  for (const e of edges) {
    const kind = e.kind || 'link';
    maxByKind.set(kind, Math.max(maxByKind.get(kind) || 1e-9, Number(e.weight) || 0));
  }
  edges.forEach((edge, i) => {
    const max = maxByKind.get(edge.kind || 'link');
    const w = Math.max(0.1, (Number(edge.weight) || 0.5 * max) / max);
    elements.push({
      group: 'edges',
      data: {
        id: `e${i}`,
        source: String(edge.source),
        target: String(edge.target),
        kind: edge.kind || 'link',
        width: 0.6 + w * 1.6,
        hoverWidth: 1.5 + w * 2,
      },
    });
  });
  return elements;
}

/**
 * Draws `graph` into `container` with cytoscape. Options: navigate (router), center (an article
 * id to mark), compact (small local graph: all labels, no zoom on wheel), onCategory (called when
 * a category node is clicked). Returns { cy, destroy() }.
 */
export function drawGraph(cytoscape, container, graph, { navigate, center = null, compact = false, onCategory = null } = {}) {
  const tooltip = h('div', { class: 'graph-tooltip', hidden: true, attrs: { role: 'tooltip' } });
  container.appendChild(tooltip);
  const cy = cytoscape({
    container,
    elements: toElements(graph, { center }),
    style: graphStyle(compact),
    layout: layoutOptions(compact, container),
    minZoom: 0.15,
    maxZoom: 4,
    userZoomingEnabled: !compact,
    boxSelectionEnabled: false,
    autoungrabify: compact,
  });

  const showTooltip = (node) => {
    const data = node.data();
    const kindText = data.kind === 'topic' ? '主题 · 点击搜索' : data.kind === 'category' ? '分类' : categoryLabel(data.category);
    replaceChildren(tooltip, h('strong', { text: data.label }), h('span', { text: kindText }));
    tooltip.hidden = false;
    const pos = node.renderedPosition();
    const box = container.getBoundingClientRect();
    const width = tooltip.offsetWidth;
    const left = Math.min(Math.max(4, pos.x - width / 2), box.width - width - 4);
    const top = pos.y + node.renderedOuterHeight() / 2 + 6;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top + tooltip.offsetHeight > box.height ? pos.y - node.renderedOuterHeight() / 2 - tooltip.offsetHeight - 6 : top}px`;
  };

  cy.on('mouseover', 'node', (event) => {
    const node = event.target;
    const hood = node.closedNeighborhood();
    cy.batch(() => {
      cy.elements().not(hood).addClass('faded');
      node.addClass('hover');
      node.connectedEdges().addClass('hover');
    });
    container.style.cursor = 'pointer';
    showTooltip(node);
  });
  cy.on('mouseout', 'node', () => {
    cy.batch(() => cy.elements().removeClass('faded hover'));
    container.style.cursor = '';
    tooltip.hidden = true;
  });
  cy.on('viewport', () => {
    tooltip.hidden = true;
  });
  cy.on('tap', 'node', (event) => {
    const data = event.target.data();
    tooltip.hidden = true;
    if (data.kind === 'topic') {
      navigate(`/search?q=${encodeURIComponent(data.label)}`);
    } else if (data.kind === 'category') {
      if (onCategory) onCategory(data.category || data.label);
      else navigate(`/search?category=${encodeURIComponent(data.category || data.label)}`);
    } else if (!center || data.id !== center) {
      navigate(`/articles/${encodeURIComponent(articleId(data))}`);
    }
  });

  const onTheme = () => cy.style(graphStyle(compact));
  document.addEventListener('dailydl:theme', onTheme);
  let resizeTimer = 0;
  const observer = 'ResizeObserver' in window ? new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => cy.resize(), 100);
  }) : null;
  if (observer) observer.observe(container);
  return {
    cy,
    destroy() {
      document.removeEventListener('dailydl:theme', onTheme);
      if (observer) observer.disconnect();
      clearTimeout(resizeTimer);
      cy.destroy();
    },
  };
}

/** cose (force-directed) spread over the container's own proportions, without animation. */
function layoutOptions(compact, container) {
  const box = container ? { x1: 0, y1: 0, w: Math.max(200, container.clientWidth), h: Math.max(200, container.clientHeight) } : undefined;
  return compact
    ? {
      name: 'cose', animate: false, padding: 16, boundingBox: box, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 9000, idealEdgeLength: () => 60, randomize: false,
    }
    : {
      name: 'cose', animate: false, padding: 30, boundingBox: box, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 14000, idealEdgeLength: (edge) => (edge.data('kind') === 'category' ? 120 : 70),
      edgeElasticity: (edge) => (edge.data('kind') === 'category' ? 200 : 100),
      nodeOverlap: 12, gravity: 0.5, numIter: 1500, randomize: false, componentSpacing: 60,
    };
}

// ---- the /graph view ------------------------------------------------------------------------

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
    if (window.__dailydlGraph && this.drawn && window.__dailydlGraph === this.drawn.cy) delete window.__dailydlGraph;
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
    const nodes = graph.nodes;
    const cats = [...new Set(nodes.filter((n) => n.kind !== 'topic' && n.category).map((n) => n.category))].sort();
    this.select = h('select', { id: 'graph-category', class: 'select' },
      h('option', { value: '' }, '全部分类'),
      cats.map((c) => h('option', { value: c }, categoryLabel(c))));
    // on a phone the topics crowd the small canvas: they start hidden there
    this.topicsToggle = h('input', { type: 'checkbox', id: 'graph-topics', checked: !window.matchMedia('(max-width: 600px)').matches });
    this.stats = h('p', { class: 'graph-toolbar__stats', attrs: { 'aria-live': 'polite' } });
    const fit = h('button', { type: 'button', class: 'button button--ghost', id: 'graph-fit' }, '适应窗口');
    const toolbar = h('div', { class: 'graph-toolbar', attrs: { role: 'group', 'aria-label': '图谱选项' } },
      h('h1', { class: 'graph-toolbar__title', text: '知识图谱' }),
      h('label', { class: 'field', for: 'graph-category' }, h('span', { text: '分类' }), this.select),
      h('label', { class: 'field field--check', for: 'graph-topics' }, this.topicsToggle, h('span', { text: '显示主题' })),
      fit, this.stats);
    this.canvas = h('div', { class: 'graph-canvas', id: 'graph-canvas', attrs: { role: 'img', 'aria-label': '文章、主题和分类之间的关系图' } });
    const legend = h('ul', { class: 'graph-legend', attrs: { 'aria-label': '图例' } },
      cats.map((c) => h('li', {}, h('span', { class: 'legend-dot', style: `background:${categoryColor(c)}`, attrs: { 'aria-hidden': 'true' } }), categoryLabel(c))),
      h('li', {}, h('span', { class: 'legend-diamond', attrs: { 'aria-hidden': 'true' } }), '主题（点击搜索）'),
      h('li', {}, h('span', { class: 'legend-line legend-line--link', attrs: { 'aria-hidden': 'true' } }), '链接'),
      h('li', {}, h('span', { class: 'legend-line legend-line--similar', attrs: { 'aria-hidden': 'true' } }), '内容相似'));
    replaceChildren(main, h('section', { class: 'graph-view', attrs: { 'aria-labelledby': 'graph-title' } },
      toolbar, h('div', { class: 'graph-stage' }, this.canvas), legend,
      h('p', { class: 'graph-help', text: '拖动平移，滚轮或双指缩放；悬停查看标题，点击文章打开，点击主题搜索。' })));
    toolbar.querySelector('h1').id = 'graph-title';

    this.drawn = drawGraph(cytoscape, this.canvas, graph, {
      navigate: this.ctx.navigate,
      onCategory: (category) => {
        this.select.value = category;
        this.onFilterChange();
      },
    });
    const cy = this.drawn.cy;
    window.__dailydlGraph = cy; // for the browser tests and the curious
    this.select.addEventListener('change', () => this.onFilterChange());
    this.topicsToggle.addEventListener('change', () => this.applyFilter());
    fit.addEventListener('click', () => cy.animate({ fit: { eles: cy.elements(':visible'), padding: 30 } }, { duration: 250 }));
    const category = this.ctx.url.searchParams.get('category') || '';
    this.select.value = cats.includes(category) ? category : '';
    if (this.select.value || !this.topicsToggle.checked) {
      this.applyFilter();
    } else {
      this.updateStats();
    }
  }

  onFilterChange() {
    const category = this.select.value;
    const url = category ? `/graph?category=${encodeURIComponent(category)}` : '/graph';
    history.replaceState(history.state, '', url);
    this.applyFilter();
  }

  applyFilter() {
    const cy = this.drawn && this.drawn.cy;
    if (!cy) return;
    const category = this.select.value;
    const showTopics = this.topicsToggle.checked;
    cy.batch(() => {
      cy.elements().removeClass('hidden');
      let articles = cy.nodes('[kind != "topic"][kind != "category"]');
      if (category) {
        articles.filter((n) => n.data('category') !== category).addClass('hidden');
        articles = articles.filter((n) => n.data('category') === category);
        cy.nodes('[kind = "category"]').filter((n) => (n.data('category') || n.data('label')) !== category).addClass('hidden');
      }
      const topics = cy.nodes('[kind = "topic"]');
      if (!showTopics) {
        topics.addClass('hidden');
      } else if (category) {
        topics.filter((t) => t.neighborhood('node').intersection(articles).length === 0).addClass('hidden');
      }
    });
    const visible = cy.elements().not('.hidden');
    visible.layout(layoutOptions(false, this.canvas)).run();
    cy.fit(visible, 30);
    this.updateStats();
  }

  updateStats() {
    const cy = this.drawn.cy;
    const visible = cy.nodes().not('.hidden');
    const articles = visible.filter('[kind != "topic"][kind != "category"]').length;
    const topics = visible.filter('[kind = "topic"]').length;
    const edges = cy.edges().filter((e) => !e.source().hasClass('hidden') && !e.target().hasClass('hidden')).length;
    this.stats.textContent = `${formatNumber(articles)} 篇文章 · ${formatNumber(topics)} 个主题 · ${formatNumber(edges)} 条关系`;
    this.canvas.dataset.nodeCount = String(visible.length);
  }
}
