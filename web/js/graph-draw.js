// Drawing a graph of GET /api/graph with cytoscape, for the /graph view and the reader's small
// local graph: articles coloured by category, topics as diamonds, categories as labelled boxes.
// Hovering (or focusing a node through focusNode) shows its title and fades the rest; a click opens
// an article, searches a topic or picks a category. The drawing writes what it shows onto its
// container (data-node-count, data-edge-count), so the page and its tests can read it from the DOM.

import { h, replaceChildren, categoryColor, categoryLabel, registerCategories } from './ui.js';
import { articleUrl, searchUrl } from './urls.js';

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
  edges.forEach((edge) => {
    const max = maxByKind.get(edge.kind || 'link');
    const w = Math.max(0.1, (Number(edge.weight) || 0.5 * max) / max);
    elements.push({
      group: 'edges',
      data: {
        id: `${edge.kind || 'link'}|${edge.source}|${edge.target}`,
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

/** Where a node leads: an article opens, a topic is searched, a category lists its articles. */
export function nodeUrl({ id, kind, label, category }) {
  if (kind === 'topic') return searchUrl({ q: label });
  if (kind === 'category') return searchUrl({ category: category || label });
  return articleUrl(articleId({ id }));
}

/**
 * Draws `graph` into `container` with cytoscape. Options: navigate (router), center (an article
 * id to mark), compact (small local graph: all labels, no zoom on wheel), onCategory (called when
 * a category node is clicked instead of navigating), onExpand (called with a node's data on a right
 * click). Returns the drawing: { show({category, topics}), expand(graph), fit(), focusNode(id),
 * blurNode(), visibleNodes(), counts(), destroy() }.
 */
export function drawGraph(cytoscape, container, graph, {
  navigate, center = null, compact = false, onCategory = null, onExpand = null,
} = {}) {
  // what is drawn, as API nodes and edges: expand() merges more into it
  const drawnNodes = new Map((graph.nodes || []).filter((n) => n && n.id != null).map((n) => [String(n.id), n]));
  const drawnEdges = [...(graph.edges || [])];
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
  const emphasize = (node) => {
    cy.batch(() => {
      cy.elements().removeClass('faded hover');
      cy.elements().not(node.closedNeighborhood()).addClass('faded');
      node.addClass('hover');
      node.connectedEdges().addClass('hover');
    });
    showTooltip(node);
  };
  const calm = () => {
    cy.batch(() => cy.elements().removeClass('faded hover'));
    tooltip.hidden = true;
  };

  cy.on('mouseover', 'node', (event) => {
    container.style.cursor = 'pointer';
    emphasize(event.target);
  });
  cy.on('mouseout', 'node', () => {
    container.style.cursor = '';
    calm();
  });
  cy.on('viewport', () => {
    tooltip.hidden = true;
  });
  if (onExpand) {
    cy.on('cxttap', 'node', (event) => {
      tooltip.hidden = true;
      onExpand(event.target.data());
    });
  }
  cy.on('tap', 'node', (event) => {
    const data = event.target.data();
    tooltip.hidden = true;
    if (data.kind === 'category' && onCategory) {
      onCategory(data.category || data.label);
    } else if (!center || data.id !== center) {
      navigate(nodeUrl(data));
    }
  });

  const visible = () => cy.nodes().not('.hidden');
  const record = () => {
    const nodes = visible();
    container.dataset.nodeCount = String(nodes.length);
    container.dataset.edgeCount = String(cy.edges().filter((e) => !e.source().hasClass('hidden') && !e.target().hasClass('hidden')).length);
  };
  record();

  const onTheme = () => cy.style(graphStyle(compact));
  document.addEventListener('dailydl:theme', onTheme);
  // until the reader pans or zooms, the drawing keeps filling its container as that changes size
  // (the first layout may run before the page has settled its height)
  let moved = false;
  cy.on('dragpan scrollzoom pinchzoom', () => {
    moved = true;
  });
  let resizeTimer = 0;
  const observer = 'ResizeObserver' in window ? new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      cy.resize();
      if (!moved) cy.fit(cy.elements().not('.hidden'), compact ? 16 : 30);
    }, 100);
  }) : null;
  if (observer) observer.observe(container);

  return {
    /** Shows the articles of `category` (all when empty), with or without topics, laid out anew. */
    show({ category = '', topics = true } = {}) {
      cy.batch(() => {
        cy.elements().removeClass('hidden');
        let articles = cy.nodes('[kind != "topic"][kind != "category"]');
        if (category) {
          articles.filter((n) => n.data('category') !== category).addClass('hidden');
          articles = articles.filter((n) => n.data('category') === category);
          cy.nodes('[kind = "category"]').filter((n) => (n.data('category') || n.data('label')) !== category).addClass('hidden');
        }
        const topicNodes = cy.nodes('[kind = "topic"]');
        if (!topics) {
          topicNodes.addClass('hidden');
        } else if (category) {
          topicNodes.filter((t) => t.neighborhood('node').intersection(articles).length === 0).addClass('hidden');
        }
      });
      const shown = cy.elements().not('.hidden');
      shown.layout(layoutOptions(compact, container)).run();
      cy.fit(shown, 30);
      moved = false;
      record();
    },
    /**
     * Adds the nodes and edges of `more` (a neighbourhood from the API) that are not drawn yet and
     * lays the drawing out again; returns how many nodes were added.
     */
    expand(more) {
      let added = 0;
      for (const node of more.nodes || []) {
        if (node && node.id != null && !drawnNodes.has(String(node.id))) {
          drawnNodes.set(String(node.id), node);
          added += 1;
        }
      }
      drawnEdges.push(...(more.edges || []));
      const fresh = toElements({ nodes: [...drawnNodes.values()], edges: drawnEdges }, { center })
        .filter((el) => cy.getElementById(el.data.id).empty());
      if (fresh.length) {
        cy.add(fresh);
        const shown = cy.elements().not('.hidden');
        shown.layout(layoutOptions(compact, container)).run();
        cy.fit(shown, 30);
        moved = false;
      }
      record();
      return added;
    },
    /** Fits the visible part into the container. */
    fit() {
      moved = false;
      cy.animate({ fit: { eles: cy.elements().not('.hidden'), padding: 30 } }, { duration: 250 });
    },
    /** Centres node `id` (zooming in when far out), fades the rest and shows its tooltip. */
    focusNode(id) {
      const node = cy.getElementById(id);
      if (node.empty() || node.hasClass('hidden')) return false;
      moved = true;
      cy.zoom({ level: Math.max(cy.zoom(), 1.5), renderedPosition: node.renderedPosition() });
      cy.center(node);
      emphasize(node);
      container.dataset.focusedNode = id;
      return true;
    },
    blurNode() {
      calm();
      delete container.dataset.focusedNode;
    },
    /** The visible nodes, as {id, label, kind, category}, articles first, then topics, then categories. */
    visibleNodes() {
      const order = { article: 0, topic: 1, category: 2 };
      return visible().map((n) => ({ id: n.id(), label: n.data('label'), kind: n.data('kind'), category: n.data('category') }))
        .sort((a, b) => (order[a.kind] ?? 0) - (order[b.kind] ?? 0));
    },
    /** How many articles, topics and relations are on screen. */
    counts() {
      const nodes = visible();
      return {
        articles: nodes.filter('[kind != "topic"][kind != "category"]').length,
        topics: nodes.filter('[kind = "topic"]').length,
        edges: Number(container.dataset.edgeCount),
      };
    },
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

