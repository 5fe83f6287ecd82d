// Tells the server which search result the reader opened, for the authors' query log
// (serve --query-log). Fire and forget: a beacon survives the navigation it precedes, and the
// server ignores it unless the query log is on. Only the query text and the article's path are
// sent, nothing about the reader.

/** Reports that the result at `path` of the search `query` was opened. */
export function reportOpen(query, path) {
  if (!query || !path || typeof navigator.sendBeacon !== 'function') return;
  try {
    navigator.sendBeacon('/api/feedback/open', JSON.stringify({ query, path }));
  } catch (error) {
    // analytics never get in the reader's way
  }
}
