// The page shell: client-side routing with the History API (every view has a shareable URL that
// survives a reload), interception of same-origin link clicks, scroll restoration, the theme
// toggle and the header search box.
//
// A view module exports mount(ctx) → Promise<instance?>; an instance may offer update(ctx) (the same
// view with new query parameters, e.g. typing in the search box), unmount() and scrollToStart()
// (where to start instead of the top when the URL names no #section; true when it scrolled).
// ctx = { main, url, params, signal, navigate, ready(), failed() }.

import * as home from './home.js';
import * as search from './search.js';
import * as article from './article.js';
import * as graph from './graph.js';
import { initSearchBox } from './search-box.js';
import { categories } from './api.js';
import { loadSite } from './site.js';
import { applyCodeTheme } from './vendor.js';
import { h, replaceChildren, statusPanel, setTitle, registerCategories } from './ui.js';

const routes = [
  { name: 'home', view: home, match: (path) => (path === '/' || path === '/index.html' ? {} : null) },
  { name: 'search', view: search, match: (path) => (path === '/search' ? {} : null) },
  {
    name: 'article',
    view: article,
    match: (path) => {
      const m = /^\/articles\/([^/]+)\/?$/.exec(path);
      return m ? { id: safeDecode(m[1]) } : null;
    },
  },
  { name: 'graph', view: graph, match: (path) => (path === '/graph' ? {} : null) },
];

const main = document.getElementById('main');
let current = null; // { route, key, instance, controller }
let renderSeq = 0;

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch (e) {
    return text;
  }
}

function findRoute(pathname) {
  for (const route of routes) {
    const params = route.match(pathname);
    if (params) {
      return { route, params };
    }
  }
  return null;
}

/** True when the URL is one of the page's own routes (not /api, /swagger, /webjars …). */
export function isAppUrl(url) {
  return url.origin === location.origin && findRoute(url.pathname) !== null;
}

function pageKey(url) {
  return url.pathname + url.search;
}

function saveScroll() {
  const state = Object.assign({}, history.state, { scrollY: window.scrollY });
  history.replaceState(state, '', location.href);
}

/**
 * Goes to `to` (a same-origin path). `replace` rewrites the current history entry (used while
 * typing a query); `state` travels with the entry (e.g. a heading to scroll to).
 */
export function navigate(to, { replace = false, state = null } = {}) {
  const url = new URL(to, location.href);
  if (!isAppUrl(url)) {
    location.assign(url.href);
    return;
  }
  if (!replace) {
    saveScroll();
  }
  const entry = Object.assign({}, state || {});
  history[replace ? 'replaceState' : 'pushState'](entry, '', url.pathname + url.search + url.hash);
  render(url, { scroll: replace ? 'keep' : 'top' });
}

function scrollToHash(hash, behavior = 'auto') {
  if (!hash || hash.length < 2) {
    return false;
  }
  const target = document.getElementById(safeDecode(hash.slice(1)));
  if (!target) {
    return false;
  }
  target.scrollIntoView({ behavior, block: 'start' });
  return true;
}

function applyScroll(url, scroll, instance = null) {
  if (scroll === 'keep') {
    return;
  }
  if (scroll === 'restore' && history.state && typeof history.state.scrollY === 'number') {
    window.scrollTo(0, history.state.scrollY);
    return;
  }
  if (!scrollToHash(location.hash)) {
    // a view may know a better start than the top (the reader: the first passage of the query)
    if (!(instance && instance.scrollToStart && instance.scrollToStart())) window.scrollTo(0, 0);
    return;
  }
  // formulas and fonts may still change the height of what is above the anchor: once they have
  // settled, scroll to it again unless the reader has scrolled in the meantime
  const settledAt = window.scrollY;
  const again = () => {
    if (Math.abs(window.scrollY - settledAt) < 2) scrollToHash(location.hash);
  };
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(() => requestAnimationFrame(again));
}

function updateNav(routeName) {
  document.body.dataset.view = routeName || 'none';
  for (const link of document.querySelectorAll('.site-nav a[data-nav]')) {
    if (link.dataset.nav === routeName) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

function setState(state) {
  main.dataset.state = state;
  main.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
}

async function render(url, { scroll = 'top' } = {}) {
  const seq = ++renderSeq;
  const found = findRoute(url.pathname);
  const key = pageKey(url);

  // Only the #fragment changed: same content, just scroll.
  if (current && current.key === key && found && current.route === found.route) {
    if (scroll === 'restore' && history.state && typeof history.state.scrollY === 'number') {
      window.scrollTo(0, history.state.scrollY);
    } else {
      scrollToHash(url.hash, 'smooth');
    }
    return;
  }

  const ctx = {
    main,
    url,
    params: found ? found.params : {},
    navigate,
    signal: null,
    ready: () => seq === renderSeq && setState('ready'),
    failed: () => seq === renderSeq && setState('error'),
  };

  // Same view, new parameters: let the view update itself in place.
  if (found && current && current.route === found.route && current.instance && current.instance.update) {
    current.key = key;
    ctx.signal = current.controller.signal;
    updateNav(found.route.name);
    setState('loading');
    await current.instance.update(ctx);
    if (seq === renderSeq) {
      applyScroll(url, scroll);
    }
    return;
  }

  if (current) {
    current.controller.abort();
    if (current.instance && current.instance.unmount) {
      current.instance.unmount();
    }
    current = null;
  }
  const controller = new AbortController();
  ctx.signal = controller.signal;
  replaceChildren(main);
  main.className = 'site-main';
  setState('loading');

  if (!found) {
    updateNav(null);
    setTitle('页面不存在');
    main.appendChild(statusPanel({
      kind: 'info',
      title: '页面不存在',
      detail: `没有 ${url.pathname} 这个页面。`,
      children: [h('p', {}, h('a', { class: 'button', href: '/' }, '回到首页'), ' ',
        h('a', { class: 'button button--ghost', href: '/search' }, '去搜索'))],
    }));
    current = { route: null, key, instance: null, controller };
    setState('ready');
    applyScroll(url, scroll);
    return;
  }

  updateNav(found.route.name);
  current = { route: found.route, key, instance: null, controller };
  let instance = null;
  try {
    instance = await found.route.view.mount(ctx);
  } catch (error) {
    if (error && error.name === 'AbortError') {
      return;
    }
    if (seq === renderSeq) {
      replaceChildren(main, statusPanel({
        kind: 'error',
        title: '页面出错了',
        detail: '显示这个页面时发生了错误，请刷新重试。',
        retry: () => location.reload(),
      }));
      setState('error');
    }
    return;
  }
  if (current && current.controller === controller) {
    current.instance = instance || null;
  }
  if (seq === renderSeq) {
    if (main.dataset.state === 'loading') {
      setState('ready');
    }
    applyScroll(url, scroll, instance);
  }
}

function onLinkClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey) {
    return;
  }
  const link = event.target.closest('a[href]');
  if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) {
    return;
  }
  const url = new URL(link.href, location.href);
  if (!isAppUrl(url)) {
    return;
  }
  event.preventDefault();
  if (pageKey(url) === pageKey(new URL(location.href)) && url.hash) {
    // an in-page anchor (table of contents): keep it in history, scroll smoothly
    saveScroll();
    history.pushState({}, '', url.pathname + url.search + url.hash);
    scrollToHash(url.hash, 'smooth');
    return;
  }
  navigate(url.pathname + url.search + url.hash);
}

// ---- theme -----------------------------------------------------------------------------------

const THEME_KEY = 'dailydl-theme';
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

let chosenInMemory = null; // the choice when localStorage is unavailable

function storedTheme() {
  let theme = chosenInMemory;
  try {
    theme = localStorage.getItem(THEME_KEY) || chosenInMemory;
  } catch (e) {
    theme = chosenInMemory;
  }
  return theme === 'light' || theme === 'dark' ? theme : null;
}

/** The theme in effect: the reader's choice, else the system's. */
export function effectiveTheme() {
  return storedTheme() || (darkQuery.matches ? 'dark' : 'light');
}

function applyTheme() {
  const chosen = storedTheme();
  const root = document.documentElement;
  if (chosen) {
    root.dataset.theme = chosen;
  } else {
    delete root.dataset.theme;
  }
  const theme = effectiveTheme();
  applyCodeTheme(chosen);
  const toggle = document.getElementById('theme-toggle');
  toggle.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
  toggle.title = theme === 'dark' ? '切换到浅色主题' : '切换到深色主题';
  toggle.setAttribute('aria-label', toggle.title);
  document.dispatchEvent(new CustomEvent('dailydl:theme', { detail: { theme } }));
}

function toggleTheme() {
  const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
  chosenInMemory = next;
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch (e) {
    // storage disabled: the choice lasts for this page view only
  }
  applyTheme();
}

// ---- start -----------------------------------------------------------------------------------

/** Keeps --header-h equal to the sticky header's height (it wraps onto two rows on phones). */
function trackHeaderHeight() {
  const header = document.querySelector('.site-header');
  const set = () => document.documentElement.style.setProperty('--header-h', `${Math.round(header.getBoundingClientRect().height)}px`);
  set();
  if ('ResizeObserver' in window) new ResizeObserver(set).observe(header);
}

function start() {
  trackHeaderHeight();
  if ('scrollRestoration' in history) {
    history.scrollRestoration = 'manual';
  }
  applyTheme();
  darkQuery.addEventListener('change', applyTheme);
  document.getElementById('theme-toggle').addEventListener('click', toggleTheme);
  document.addEventListener('click', onLinkClick);
  window.addEventListener('popstate', () => render(new URL(location.href), { scroll: 'restore' }));
  initSearchBox({ navigate, currentView: () => (current && current.route ? current.route.name : null) });
  // every category gets its colour from the full, sorted list, so colours agree across views; the
  // site's settings (name, examples, labels) come before the first view
  Promise.all([
    loadSite(),
    categories()
      .then((list) => registerCategories((Array.isArray(list) ? list : []).map((c) => c && c.name)))
      .catch(() => null),
  ]).then(() => render(new URL(location.href), { scroll: 'top' }));
}

start();
