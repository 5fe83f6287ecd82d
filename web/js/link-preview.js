// Previews of the internal links of an article: hovering (or focusing) a link to another article
// shows its title, summary and first lines, fetched once from /api/articles/{id} and cached. Only
// where there is a mouse to hover with: a touch screen follows the link at once, without a preview.
// The preview is a tooltip the link is described by; Esc or leaving the link closes it.

import { getArticle, isAbort } from './api.js';
import { h, replaceChildren, categoryLabel } from './ui.js';

const SHOW_DELAY_MS = 350;
const HIDE_DELAY_MS = 200;
const EXCERPT_CHARS = 160;
const cache = new Map(); // article id → Promise<{title, category, summary, excerpt}>

/** The article id of an internal link ("/articles/{id}"), or null. */
function linkedId(link) {
  const url = new URL(link.href, location.href);
  const m = url.origin === location.origin ? /^\/articles\/([^/]+)\/?$/.exec(url.pathname) : null;
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch (e) {
    return null;
  }
}

/** The first lines of the article's text, without its title, formulas or code. */
function excerptOf(html) {
  const template = document.createElement('template');
  template.innerHTML = html || '';
  const parts = [];
  let length = 0;
  for (const p of template.content.querySelectorAll('p, li')) {
    const text = p.textContent.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    parts.push(text);
    length += text.length;
    if (length >= EXCERPT_CHARS) break;
  }
  const text = parts.join(' ');
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

function preview(id) {
  if (!cache.has(id)) {
    const promise = getArticle(id).then((a) => ({
      title: a.title || a.path || id,
      category: a.category || '',
      summary: typeof a.summary === 'string' ? a.summary : '',
      excerpt: excerptOf(a.html),
    }));
    promise.catch(() => cache.delete(id));
    cache.set(id, promise);
  }
  return cache.get(id);
}

/** True where the primary pointer can hover (a mouse or trackpad), not on touch screens. */
function canHover() {
  return window.matchMedia('(hover: hover) and (pointer: fine)').matches;
}

/** Adds previews to the internal links under `root`. Returns a function that removes them. */
export function attachLinkPreviews(root) {
  const tip = h('div', { class: 'link-preview', id: 'link-preview', hidden: true, attrs: { role: 'tooltip' } });
  document.body.appendChild(tip);
  let link = null; // the link the preview is for (shown or about to be)
  let showTimer = 0;
  let hideTimer = 0;
  let request = 0;

  const place = () => {
    const box = link.getBoundingClientRect();
    const width = Math.min(360, window.innerWidth - 16);
    tip.style.width = `${width}px`;
    const left = Math.min(Math.max(8, box.left), window.innerWidth - width - 8);
    const below = box.bottom + 8;
    const height = tip.offsetHeight;
    const top = below + height > window.innerHeight - 8 && box.top - height - 8 > 0 ? box.top - height - 8 : below;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  };

  const hide = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    request += 1;
    tip.hidden = true;
    delete tip.dataset.for;
    if (link) link.removeAttribute('aria-describedby');
    link = null;
  };

  const show = async (target) => {
    const id = linkedId(target);
    if (!id) return;
    const mine = ++request;
    let data;
    try {
      data = await preview(id);
    } catch (error) {
      if (!isAbort(error)) hide(); // no preview for an article that cannot be read: the link still works
      return;
    }
    if (mine !== request || link !== target) return;
    replaceChildren(tip,
      h('strong', { class: 'link-preview__title', text: data.title }),
      data.category ? h('span', { class: 'link-preview__category', text: categoryLabel(data.category) }) : null,
      data.summary ? h('p', { class: 'link-preview__summary', text: data.summary }) : null,
      data.excerpt && data.excerpt !== data.summary ? h('p', { class: 'link-preview__excerpt', text: data.excerpt }) : null);
    tip.hidden = false;
    tip.dataset.for = id;
    target.setAttribute('aria-describedby', tip.id);
    place();
  };

  const schedule = (target) => {
    clearTimeout(hideTimer);
    if (link === target) return;
    if (link) hide();
    link = target;
    showTimer = setTimeout(() => show(target), SHOW_DELAY_MS);
  };
  const scheduleHide = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY_MS);
  };

  const internalLink = (event) => {
    const a = event.target instanceof Element ? event.target.closest('a[href]') : null;
    return a && root.contains(a) && !a.classList.contains('heading-anchor') && linkedId(a) ? a : null;
  };
  const listeners = {
    mouseover: (event) => {
      const a = internalLink(event);
      if (a && canHover()) schedule(a);
    },
    mouseout: (event) => {
      const a = internalLink(event);
      if (a && a === link && !(event.relatedTarget && (a.contains(event.relatedTarget) || tip.contains(event.relatedTarget)))) {
        scheduleHide();
      }
    },
    focusin: (event) => {
      const a = internalLink(event);
      if (a && canHover() && a.matches(':focus-visible')) schedule(a);
    },
    focusout: (event) => {
      if (internalLink(event) === link) hide();
    },
    click: () => hide(),
  };
  for (const [type, listener] of Object.entries(listeners)) root.addEventListener(type, listener);
  // the pointer may move onto the preview (to read it) without closing it
  tip.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  tip.addEventListener('mouseleave', scheduleHide);
  const onKey = (event) => {
    if (event.key === 'Escape' && !tip.hidden) {
      event.preventDefault(); // only the preview closes; the next Esc may clear the highlight
      hide();
    }
  };
  document.addEventListener('keydown', onKey, true);
  const onScroll = () => {
    if (!tip.hidden) hide();
  };
  window.addEventListener('scroll', onScroll, { passive: true });

  return () => {
    hide();
    for (const [type, listener] of Object.entries(listeners)) root.removeEventListener(type, listener);
    document.removeEventListener('keydown', onKey, true);
    window.removeEventListener('scroll', onScroll);
    tip.remove();
  };
}
