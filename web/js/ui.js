// Shared helpers of the views: building DOM nodes (text only, never HTML), the one place where
// search snippets become HTML, category names and colours, and status panels.

import { searchUrl } from './urls.js';
import { siteInfo, siteCategoryLabel, categoryParam, ROOT_PARAM } from './site.js';

/**
 * Creates an element. `props`: class, text, attrs (attributes), dataset, on (event listeners),
 * hidden; any other key is set as a property. Children are nodes or strings (added as text).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      el.className = value;
    } else if (key === 'text') {
      el.textContent = value;
    } else if (key === 'attrs') {
      for (const [name, attr] of Object.entries(value)) {
        if (attr !== undefined && attr !== null && attr !== false) {
          el.setAttribute(name, attr === true ? '' : String(attr));
        }
      }
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'on') {
      for (const [type, listener] of Object.entries(value)) {
        el.addEventListener(type, listener);
      }
    } else if (key === 'style') {
      el.setAttribute('style', value);
    } else if (key === 'for') {
      el.htmlFor = value; // the property of <label for> is htmlFor: el.for would be a no-op
    } else {
      el[key] = value;
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Removes every child of `el` and appends `children`. */
export function replaceChildren(el, ...children) {
  el.textContent = '';
  append(el, children);
  return el;
}

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Puts a search snippet into `el`. The server escapes snippets except for <mark> tags; the HTML is
 * used only after checking that no other tag is present. Anything else is escaped completely and
 * only the exact <mark> and </mark> tags are turned back on, so a snippet can never inject markup.
 */
export function setSnippet(el, snippet) {
  const text = typeof snippet === 'string' ? snippet : '';
  const withoutMarks = text.replace(/<\/?mark>/g, '');
  if (!/[<>]/.test(withoutMarks)) {
    el.innerHTML = text;
  } else {
    el.innerHTML = escapeHtml(text).replace(/&lt;(\/?)mark&gt;/g, '<$1mark>');
  }
  return el;
}

/** Appends `text` to `el` with every occurrence of `query` (case-insensitive) wrapped in <mark>. */
export function highlightText(el, text, query) {
  const source = String(text || '');
  const needle = String(query || '').trim().toLowerCase();
  if (!needle) {
    el.appendChild(document.createTextNode(source));
    return el;
  }
  const lower = source.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    el.appendChild(document.createTextNode(source.slice(from, at)));
    el.appendChild(h('mark', { text: source.slice(at, at + needle.length) }));
    from = at + needle.length;
  }
  el.appendChild(document.createTextNode(source.slice(from)));
  return el;
}

/** A category's label as the site names it (dailydl.yml), else its folder name; "" and "/" are the top. */
export function categoryLabel(name) {
  return siteCategoryLabel(name);
}

// Colours that stay apart in light and dark themes (Okabe–Ito and Tableau inspired).
const PALETTE = ['#2f6fde', '#e07b39', '#2a9d6f', '#c4478d', '#8a63d2', '#c9a227',
  '#1b9bb3', '#d1495b', '#5c8a2d', '#7a6c5d', '#3f51b5', '#b5651d'];

const knownCategories = [];

/**
 * Registers category names so each keeps one colour on every view. The page registers the full
 * list (sorted) before its first view; names seen later are appended, never re-sorted, so no
 * colour changes while the page is open.
 */
export function registerCategories(names) {
  const fresh = [...new Set(names)].filter((name) => typeof name === 'string' && !knownCategories.includes(name)).sort();
  knownCategories.push(...fresh);
}

/** A stable colour per category: its position among the known categories, else a hash. */
export function categoryColor(category) {
  const name = category === ROOT_PARAM ? '' : category;
  const index = knownCategories.indexOf(name);
  if (index >= 0) {
    return PALETTE[index % PALETTE.length];
  }
  let hash = 0;
  for (const ch of String(name || '')) {
    hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  }
  return PALETTE[hash % PALETTE.length];
}

/** A small chip naming a category, linking to its articles. */
export function categoryChip(name) {
  return h('a', {
    class: 'chip chip--category',
    href: searchUrl({ category: categoryParam(name) }),
    style: `--chip-color: ${categoryColor(name)}`,
    attrs: { title: `分类：${name || ROOT_PARAM}` },
  }, categoryLabel(name));
}

/**
 * A status panel: loading, empty or error. `retry` adds a button that calls it; `level` is its
 * heading's (1 when the panel is the page, 2 inside a page that has its own h1).
 */
export function statusPanel({ kind = 'info', title, detail, retry, level = 1, children = [] }) {
  const role = kind === 'error' ? 'alert' : 'status';
  return h('section', { class: `status status--${kind}`, attrs: { role } },
    h('div', { class: 'status__icon', attrs: { 'aria-hidden': 'true' } }, kind === 'error' ? '!' : 'i'),
    h(`h${level}`, { class: 'status__title', text: title }),
    detail ? h('p', { class: 'status__detail', text: detail }) : null,
    children,
    retry ? h('p', {}, h('button', { class: 'button', type: 'button', on: { click: retry } }, '重试')) : null);
}

/** Describes an API failure for readers, in Chinese. */
export function describeError(error) {
  if (!error) {
    return '发生了未知错误。';
  }
  if (error.status === 0) {
    return `${error.detail || '无法连接到服务器'}。请检查服务是否在运行，然后重试。`;
  }
  if (error.status === 404) {
    return '请求的内容不存在。';
  }
  if (error.status === 400) {
    return `请求参数有误${error.detail ? `：${error.detail}` : ''}。`;
  }
  if (error.status >= 500) {
    return `服务器出错了（HTTP ${error.status}），请稍后重试。`;
  }
  return `请求失败（HTTP ${error.status}）。`;
}

/** Sets the document title: "part · site", or the site's full title (with its subtitle) for the home page. */
export function setTitle(part) {
  const site = siteInfo();
  document.title = part ? `${part} · ${site.title}` : (site.subtitle ? `${site.title} · ${site.subtitle}` : site.title);
}

/** Announces a short message to screen readers. */
export function announce(message) {
  const live = document.getElementById('live');
  if (live) {
    live.textContent = message;
  }
}

/** Formats a number with thousands separators. */
export function formatNumber(n) {
  return Number(n || 0).toLocaleString('zh-CN');
}
