// The search box: an ARIA combobox with completions from /api/suggest, aware of Chinese IME
// composition (nothing is searched between compositionstart and compositionend), which shows
// results as you type by driving the /search view.

import { getJson, isAbort } from './api.js';
import { h, replaceChildren, highlightText } from './ui.js';
import { articleUrl, searchUrl, readSearchParams } from './urls.js';

const DEBOUNCE_MS = 200;
const SUGGEST_SIZE = 8;

/** The results list the header box moves through with the arrow keys (set by the search view). */
let results = null;
/** The header search box. */
let headerBox = null;

/**
 * Lets the box drive a results list: `navigator` has hasResults(), moveSelection(delta) and
 * openSelection() → boolean; null when no results are shown.
 */
export function setResultsNavigator(navigator) {
  results = navigator;
}

/** Shows `query` in the header box unless the reader is typing in it. */
export function syncHeaderBox(query) {
  if (headerBox) headerBox.sync(query);
}

// ---- the search box ------------------------------------------------------------------------

/**
 * Makes `input` a combobox over `listbox`. `live`: typing shows results (navigates to /search);
 * otherwise typing only completes and Enter searches. Returns { destroy() }.
 */
export function createSearchBox({ input, listbox, form, live, navigate, currentView }) {
  let composing = false;
  let timer = 0;
  let suggestController = null;
  let options = [];
  let active = -1;
  let lastSuggested = null;

  const isOpen = () => !listbox.hidden;

  function open() {
    if (options.length > 0 && document.activeElement === input) {
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function setActive(index) {
    active = index;
    const items = listbox.querySelectorAll('[role="option"]');
    items.forEach((item, i) => item.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    if (index >= 0 && items[index]) {
      input.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function renderOptions(query, suggestions) {
    options = suggestions;
    replaceChildren(listbox, suggestions.map((s, i) => {
      const text = highlightText(h('span', { class: 'suggestion__text' }), s.text, query);
      const heading = s.kind === 'heading';
      return h('li', {
        id: `${listbox.id}-opt-${i}`,
        class: 'suggestion',
        attrs: { role: 'option', 'aria-selected': 'false' },
        on: {
          mousedown: (e) => e.preventDefault(), // keep the focus in the box
          click: () => choose(i),
        },
      },
      h('span', { class: `suggestion__kind suggestion__kind--${heading ? 'heading' : 'title'}` }, heading ? '小节' : '文章'),
      h('span', { class: 'suggestion__body' }, text,
        heading && s.title ? h('span', { class: 'suggestion__context', text: s.title }) : null));
    }));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (options.length > 0) {
      open();
    } else {
      close();
    }
  }

  async function suggest(query) {
    if (suggestController) suggestController.abort();
    if (!query) {
      lastSuggested = null;
      renderOptions('', []);
      return;
    }
    if (query === lastSuggested) {
      open();
      return;
    }
    suggestController = new AbortController();
    try {
      const body = await getJson('/api/suggest', { q: query, size: SUGGEST_SIZE }, { signal: suggestController.signal });
      lastSuggested = query;
      renderOptions(query, Array.isArray(body.suggestions) ? body.suggestions : []);
    } catch (error) {
      if (!isAbort(error)) {
        lastSuggested = null;
        renderOptions(query, []); // completions are a convenience: no error message for them
      }
    }
  }

  function liveSearch(query) {
    const view = currentView();
    if (view === 'search') {
      const params = readSearchParams(new URL(location.href));
      if (params.q === query) return;
      navigate(searchUrl({ q: query, category: params.category, tag: params.tag, mode: params.mode }), { replace: true });
    } else if (query) {
      navigate(searchUrl({ q: query }));
    }
  }

  function fire() {
    timer = 0;
    const query = input.value.trim();
    suggest(query);
    if (live) liveSearch(query);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(fire, DEBOUNCE_MS);
  }

  function choose(index) {
    const s = options[index];
    if (!s) return;
    close();
    const state = s.kind === 'heading' ? { heading: s.text } : null;
    navigate(articleUrl(s.id), { state });
  }

  function submit() {
    clearTimeout(timer);
    timer = 0;
    close();
    const query = input.value.trim();
    const params = currentView() === 'search' ? readSearchParams(new URL(location.href)) : {};
    navigate(searchUrl({ q: query, category: params.category, tag: params.tag, mode: params.mode }),
      { replace: currentView() === 'search' && params.q === query });
  }

  const listeners = {
    compositionstart: () => {
      composing = true;
      clearTimeout(timer); // nothing is searched while the IME is composing
      timer = 0;
    },
    compositionend: () => {
      composing = false;
      schedule(); // one search for the finished word
    },
    input: (event) => {
      if (composing || event.isComposing) return;
      schedule();
    },
    keydown: (event) => {
      if (event.isComposing || composing || event.keyCode === 229) return; // keys belong to the IME
      const view = live && currentView() === 'search' ? results : null;
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp': {
          const delta = event.key === 'ArrowDown' ? 1 : -1;
          if (isOpen() && options.length > 0) {
            event.preventDefault();
            const next = active + delta;
            setActive(next < -1 ? options.length - 1 : next >= options.length ? -1 : next);
          } else if (view && view.hasResults()) {
            event.preventDefault();
            view.moveSelection(delta);
          } else if (event.key === 'ArrowDown' && options.length > 0) {
            event.preventDefault();
            open();
          }
          break;
        }
        case 'Enter':
          if (isOpen() && active >= 0) {
            event.preventDefault();
            choose(active);
          } else if (!isOpen() && view && view.openSelection()) {
            event.preventDefault();
          }
          break; // otherwise the form submits
        case 'Escape':
          if (isOpen()) {
            event.preventDefault(); // close the list, keep the text
            close();
          }
          break;
        default:
          break;
      }
    },
    blur: () => close(),
  };
  for (const [type, listener] of Object.entries(listeners)) {
    input.addEventListener(type, listener);
  }
  const onSubmit = (event) => {
    event.preventDefault();
    submit();
  };
  form.addEventListener('submit', onSubmit);

  return {
    close,
    /** Shows `query` in the box unless the reader is typing in it. */
    sync(query) {
      if (document.activeElement !== input && input.value !== query) {
        input.value = query;
      }
    },
    destroy() {
      clearTimeout(timer);
      if (suggestController) suggestController.abort();
      for (const [type, listener] of Object.entries(listeners)) {
        input.removeEventListener(type, listener);
      }
      form.removeEventListener('submit', onSubmit);
    },
  };
}

function isTypingTarget(el) {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** Wires the search box in the page header; `/` focuses it from anywhere. */
export function initSearchBox({ navigate, currentView }) {
  const input = document.getElementById('q');
  headerBox = createSearchBox({
    input,
    listbox: document.getElementById('q-listbox'),
    form: document.getElementById('search-form'),
    live: true,
    navigate,
    currentView,
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target)) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
  window.addEventListener('popstate', () => headerBox.close());
}
