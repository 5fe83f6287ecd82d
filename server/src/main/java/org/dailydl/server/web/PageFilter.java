package org.dailydl.server.web;

/**
 * A feature that fills in the page ({@code index.html}) before it is served, e.g. with the site's
 * title. {@code App} applies every feature that implements it, in order. Implementations are
 * thread-safe.
 */
public interface PageFilter {
  String filter(String html);
}
