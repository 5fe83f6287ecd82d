// Shared rendering of server-rendered Markdown (an article, the home page's README): parsing the
// sanitised HTML inertly, drawing formulas (KaTeX) and code (highlight.js), and scroll boxes for
// wide code and tables.

import { h } from './ui.js';

/**
 * Parses the server's sanitised article HTML in an inert <template> (nothing loads while it is
 * detached) and returns the fragment. Images from other origins are replaced by a link, so reading
 * an article never sends a request to another site.
 */
export function parseHtml(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const fragment = template.content;
  for (const img of fragment.querySelectorAll('img')) {
    const src = img.getAttribute('src') || '';
    let url = null;
    try {
      url = new URL(src, location.href);
    } catch (e) {
      url = null;
    }
    if (url && url.origin === location.origin) {
      img.loading = 'lazy';
      img.decoding = 'async';
    } else {
      const alt = img.getAttribute('alt') || '图片';
      const link = url && /^https?:$/.test(url.protocol)
        ? h('a', { class: 'external-image', href: url.href, target: '_blank', rel: 'noopener noreferrer' }, `〔外部图片：${alt}〕`)
        : h('span', { class: 'external-image', text: `〔图片：${alt}〕` });
      img.replaceWith(link);
    }
  }
  for (const a of fragment.querySelectorAll('a[href]')) {
    let url;
    try {
      url = new URL(a.getAttribute('href'), location.href);
    } catch (e) {
      continue;
    }
    if (url.origin !== location.origin && /^https?:$/.test(url.protocol)) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.classList.add('external');
    }
  }
  return fragment;
}

/**
 * Draws formulas (KaTeX), highlights code (highlight.js), and puts tables and code blocks in
 * boxes that scroll sideways on their own. Works with whichever libraries have loaded. Returns a
 * function that stops watching the boxes (call it when the content goes away).
 */
export function enhanceContent(root) {
  const katex = window.katex;
  if (katex) {
    for (const el of root.querySelectorAll('.math')) {
      const display = el.classList.contains('math-display');
      // a long inline formula that cannot break would widen the page on a phone: it scrolls instead
      if (!display && el.textContent.length > 48) el.classList.add('math--long');
      try {
        katex.render(el.textContent, el, { displayMode: display, throwOnError: false, trust: false, strict: 'ignore' });
      } catch (error) {
        el.classList.add('math--raw'); // leave the TeX readable
      }
    }
  } else {
    root.querySelectorAll('.math').forEach((el) => el.classList.add('math--raw'));
  }
  // Markdown wraps display formulas in empty paragraphs: drop those to keep the spacing even
  root.querySelectorAll('p:empty').forEach((p) => p.remove());

  const hljs = window.hljs;
  if (hljs) hljs.configure({ ignoreUnescapedHTML: true });
  for (const code of root.querySelectorAll('pre > code')) {
    const pre = code.parentElement;
    const langClass = [...code.classList].find((c) => c.startsWith('language-'));
    const lang = langClass ? langClass.slice('language-'.length) : '';
    if (hljs) {
      if (lang && !hljs.getLanguage(lang)) {
        code.classList.remove(langClass);
        code.classList.add('language-plaintext');
      }
      try {
        hljs.highlightElement(code);
      } catch (error) {
        code.classList.add('hljs');
      }
    }
    const wrapper = h('div', { class: 'code-block' });
    pre.replaceWith(wrapper);
    const copy = h('button', { type: 'button', class: 'code-block__copy', text: '复制' });
    copy.addEventListener('click', () => copyCode(code, copy));
    wrapper.append(lang ? h('span', { class: 'code-block__lang', text: lang }) : null, copy, pre);
  }

  for (const table of root.querySelectorAll('table')) {
    const wrapper = h('div', { class: 'table-wrap' });
    table.replaceWith(wrapper);
    wrapper.appendChild(table);
  }
  return reachScrollBoxes(root);
}

/**
 * Code, tables and long formulas scroll sideways in their own boxes. A box that does scroll must
 * be reachable by keyboard (and named, for screen readers): it gets tabindex=0, role=region and a
 * label of its own ("代码 2（python）", "表格 1", "公式 3"). A box that fits gets none of these, so
 * the keyboard does not stop at it. Re-checked whenever a box or its content changes size.
 */
function reachScrollBoxes(root) {
  const boxes = [];
  const label = { code: 0, table: 0, math: 0, output: 0 };
  for (const box of root.querySelectorAll('pre, .table-wrap, .katex-display, .math--long')) {
    let name;
    if (box.matches('pre.nb-output')) {
      name = `输出 ${++label.output}`;
    } else if (box.matches('pre')) {
      const langClass = [...(box.firstElementChild ? box.firstElementChild.classList : [])].find((c) => c.startsWith('language-'));
      const lang = langClass ? langClass.slice('language-'.length) : '';
      name = `代码 ${++label.code}${lang && lang !== 'plaintext' ? `（${lang}）` : ''}`;
    } else if (box.matches('.table-wrap')) {
      name = `表格 ${++label.table}`;
    } else {
      name = `公式 ${++label.math}`;
    }
    boxes.push({ box, name });
  }
  const update = () => {
    for (const { box, name } of boxes) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', name);
      } else if (box.hasAttribute('tabindex')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    }
  };
  update();
  if (!('ResizeObserver' in window) || boxes.length === 0) return () => {};
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(update);
  });
  for (const { box } of boxes) {
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
  }
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  };
}

async function copyCode(code, button) {
  const text = code.textContent;
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch (error) {
    ok = false;
  }
  button.textContent = ok ? '已复制' : '复制失败';
  setTimeout(() => {
    button.textContent = '复制';
  }, 1600);
}
