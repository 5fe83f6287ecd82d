package org.dailydl.server.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.schema.IndexMeta;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;

/**
 * Conditional GETs on the API. An answer depends only on the request URL and the index version
 * (for search also on whether semantic search is ready), so its {@code ETag} is derived from those:
 * the index's content hash, build time and analysis version (equal on every replica serving one
 * index artifact), the release, and the content folder's terms file. Answers carry
 * {@code Cache-Control: no-cache}: a browser or proxy keeps them and asks again with
 * {@code If-None-Match}, answered 304 without a body while nothing changed. The tag is taken before
 * the handler reads the index, so a change between the two can only make a tag too old (one
 * needless full answer), never label a new body with an old tag. Admin routes, statistics and
 * errors are {@code no-store}. Tags are weak: {@code tookMs} differs between equal answers.
 */
public final class HttpCaching {
  static final String ETAG_ATTRIBUTE = "dailydl.etag";

  private final IndexHandle index;
  private final SemanticService semantics;
  private final String terms;
  private volatile Computed last;

  private record Computed(long version, String base) {}

  public HttpCaching(IndexHandle index, SemanticService semantics) {
    this.index = Objects.requireNonNull(index);
    this.semantics = Objects.requireNonNull(semantics);
    this.terms = termsFingerprint(index.contentDir());
  }

  public void install(Javalin app) {
    app.before("/api/*", this::tag);
    app.after("/api/*", this::answer);
  }

  /** Whether GET answers of this path may be kept by caches (the statistics change by themselves). */
  public static boolean cacheable(String path) {
    return !path.startsWith("/api/admin") && !path.equals("/api/stats") && !path.startsWith("/api/feedback");
  }

  private void tag(Context ctx) throws IOException {
    if (ctx.method().name().equals("GET") && cacheable(ctx.path())) {
      ctx.attribute(ETAG_ATTRIBUTE, etag(ctx.path().equals("/api/search")));
    }
  }

  private void answer(Context ctx) {
    String etag = ctx.attribute(ETAG_ATTRIBUTE);
    if (etag == null || ctx.status() != HttpStatus.OK) {
      ctx.header("Cache-Control", "no-store");
      return;
    }
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    if (matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(HttpStatus.NOT_MODIFIED).result("");
    }
  }

  /** Weak comparison (RFC 9110 §13.1.2) against a list of tags, or {@code *}. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  /** The tag of the current index version, with the semantic state for search answers. */
  String etag(boolean search) throws IOException {
    String base;
    try (IndexHandle.Lease lease = index.acquire()) {
      Computed known = last;
      if (known == null || known.version() != lease.corpus().number()) {
        IndexMeta meta = lease.corpus().meta();
        known = new Computed(lease.corpus().number(), hash(AppVersion.get(), meta.analysisVersion(),
            meta.contentHash(), meta.buildTime(), terms));
        last = known;
      }
      base = known.base();
    }
    return "W/\"" + base + (search ? "-" + semantics.state().label() : "") + "\"";
  }

  private static String termsFingerprint(Path contentDir) {
    try {
      Path file = contentDir.resolve(Glossary.USER_FILE);
      return Files.isRegularFile(file) ? hash(Files.readString(file, StandardCharsets.UTF_8)) : "no-terms";
    } catch (IOException e) {
      return "unreadable-terms";
    }
  }

  private static String hash(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
