package org.dailydl.server.web;

import io.javalin.http.Context;

/**
 * A feature that fills in the page ({@code index.html}) before it is served, e.g. with the site's
 * title or an article's metadata. {@code App} applies every feature that implements it, in order,
 * to every route of the page and to its HTML 404 page. Implementations are thread-safe.
 */
public interface PageFilter {
  /**
   * The page for this request. A filter may set the status (an article route for an unknown
   * article answers 404); it never writes the body.
   */
  String filter(String html, Context ctx);
}
