// The page's own URLs, built in one place: an article (optionally with the query that found it,
// which the reader highlights, and a section), a search (with its filters and page) and the graph. Empty parameters and defaults (page 1) are left out, so
// equal views have equal URLs.

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

/** "/search?…": a query, filters and a page (1 is implied). */
export function searchUrl({ q = '', category = '', tag = '', page = 1 } = {}) {
  return withQuery('/search', {
    q,
    category,
    tag,
    page: page > 1 ? page : '',
  });
}

/** "/graph", optionally filtered to one category. */
export function graphUrl({ category = '' } = {}) {
  return withQuery('/graph', { category });
}

/** The parameters of a /search URL, cleaned: the query at most 200 characters, page 1…1000. */
export function readSearchParams(url) {
  const get = (name) => (url.searchParams.get(name) || '').trim();
  const page = Number.parseInt(get('page'), 10);
  return {
    q: get('q').slice(0, 200),
    category: get('category'),
    tag: get('tag'),
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 1000) : 1,
  };
}
