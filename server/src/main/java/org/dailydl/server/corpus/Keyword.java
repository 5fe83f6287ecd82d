package org.dailydl.server.corpus;

/** A term that names a subject of an article, with its weight in the article (higher is more telling). */
public record Keyword(String term, double weight) {}
