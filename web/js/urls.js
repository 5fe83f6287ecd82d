// The page's own URLs, built in one place: an article (optionally with the query that found it,
// which the reader highlights, and a section), a search (with its filters, page and ranking mode)
// and the graph. Empty parameters and defaults (page 1, hybrid ranking) are left out, so equal
// views have equal URLs.

/** The ranking modes of /api/search (its mode parameter); hybrid is the server's default. */
export const SEARCH_MODES = ['lexical', 'semantic', 'hybrid'];
export const DEFAULT_MODE = 'hybrid';

function withQuery(path, params, hash = '') {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const qs = query.toString();
  const fragment = hash ? `#${encodeURIComponent(hash)}` : '';
  return `${path}${qs ? `?${qs}` : ''}${fragment}`;
}

/** "/articles/{id}", with ?q= when a search led here and #anchor for a section. */
export function articleUrl(id, { q = '', anchor = '' } = {}) {
  return withQuery(`/articles/${encodeURIComponent(id)}`, { q }, anchor);
}

/** The query an article was opened with (?q=), or ''. */
export function readArticleQuery(url) {
  return (url.searchParams.get('q') || '').trim().slice(0, 200);
}

/** "/search?…": a query, filters, a page (1 is implied) and a ranking mode (hybrid is implied). */
export function searchUrl({ q = '', category = '', tag = '', page = 1, mode = DEFAULT_MODE } = {}) {
  return withQuery('/search', {
    q,
    category,
    tag,
    page: page > 1 ? page : '',
    mode: q && mode !== DEFAULT_MODE && SEARCH_MODES.includes(mode) ? mode : '',
  });
}

/** "/graph", optionally filtered to one category. */
export function graphUrl({ category = '' } = {}) {
  return withQuery('/graph', { category });
}

/** The parameters of a /search URL, cleaned: the query at most 200 characters, page 1…1000, a known mode. */
export function readSearchParams(url) {
  const get = (name) => (url.searchParams.get(name) || '').trim();
  const page = Number.parseInt(get('page'), 10);
  const mode = get('mode');
  return {
    q: get('q').slice(0, 200),
    category: get('category'),
    tag: get('tag'),
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 1000) : 1,
    mode: SEARCH_MODES.includes(mode) ? mode : DEFAULT_MODE,
  };
}
