// A small wrapper around fetch for the JSON API: same origin only, query parameters from an object,
// errors as ApiError (the server answers errors as RFC 9457 problem details: {type, title, status,
// detail, instance}), a timeout, and
// cancellation through an AbortSignal so a view can drop requests it no longer needs.

//
// What the page reads of each answer (the server's records; nothing else may be relied on):
//   GET /api/search        {query, page, size, total, tookMs, hits, facets: {category: [{value, count}]},
//                           suggestion, suggestionApplied, allTermsMatched, timedOut, mode,
//                           semanticReady, semanticEnabled}
//                          hit: {id, path, title, category, tags, snippet, score, signals}   (no summary, no kind)
//   GET /api/suggest       {query, suggestions: [{text, kind: title|heading, id, path, title}]}
//   GET /api/articles      {total, articles: [{id, path, title, category, tags, summary, kind}]}
//                          (?path=: the one article at that path, or 404)
//   GET /api/articles/{id} {id, path, title, category, tags, summary, date, kind, size,
//                           toc: [{level, text, anchor}], html, links, backlinks: [{id, path, title, text}],
//                           keywords: [{term, weight}]}
//   GET /api/articles/{id}/related  {id, path, hits: [{id, path, title, category, score, reasons}]}
//   GET /api/graph         {nodes: [{id, label, kind, category, weight}], edges: [{source, target, kind, weight}]}
//   GET /api/categories    [{name, count}]

const TIMEOUT_MS = 15000;

/** An API call that failed: status 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail || '';
  }

  /** True when the route or the resource does not exist (for optional panels). */
  get notFound() {
    return this.status === 404 || this.status === 405 || this.status === 501;
  }
}

/** True when the error only says the request was cancelled on purpose. */
export function isAbort(error) {
  return error != null && error.name === 'AbortError';
}

/** Builds "/api/x?a=1&b=2", leaving out empty parameters. */
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, String(value));
    }
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * GET a JSON resource. Rejects with ApiError (HTTP or network failure) or an AbortError when
 * `signal` aborts.
 */
export async function getJson(path, params = {}, { signal } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), TIMEOUT_MS);
  const onAbort = () => controller.abort(new DOMException('aborted', 'AbortError'));
  if (signal) {
    if (signal.aborted) {
      onAbort();
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  try {
    let response;
    try {
      response = await fetch(apiUrl(path, params), {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch (error) {
      if (signal && signal.aborted) {
        throw new DOMException('aborted', 'AbortError');
      }
      if (controller.signal.aborted) {
        throw new ApiError(0, '请求超时，服务器没有及时响应');
      }
      throw new ApiError(0, '无法连接到服务器');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (error) {
      if (signal && signal.aborted) {
        throw new DOMException('aborted', 'AbortError');
      }
      body = null;
    }
    if (!response.ok) {
      throw new ApiError(response.status, body && typeof body.detail === 'string' ? body.detail : '');
    }
    if (body === null) {
      throw new ApiError(response.status, '服务器返回的不是有效的 JSON');
    }
    return body;
  } finally {
    clearTimeout(timer);
    if (signal) {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

/** The API path of one article. */
export function articleApi(id) {
  return `/api/articles/${encodeURIComponent(id)}`;
}

/** GET /api/articles/{id}. */
export function getArticle(id, { signal } = {}) {
  return getJson(articleApi(id), {}, { signal });
}

/** The article at a content path: GET /api/articles?path= finds its id, GET /api/articles/{id} reads it. */
export async function getArticleAtPath(path, { signal } = {}) {
  const found = await getJson('/api/articles', { path }, { signal });
  return getArticle(found.articles[0].id, { signal });
}

let categoriesPromise = null;

/** The categories with counts, fetched once per page load (shared by home, search and graph). */
export function categories() {
  if (!categoriesPromise) {
    categoriesPromise = getJson('/api/categories').catch((error) => {
      categoriesPromise = null;
      throw error;
    });
  }
  return categoriesPromise;
}
