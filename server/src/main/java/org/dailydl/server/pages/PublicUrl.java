package org.dailydl.server.pages;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address readers reach the site at ({@code serve --public-url}), from which the absolute URLs
 * of canonical links, Open Graph tags, the sitemap and the feed are made.
 *
 * <p>Without one the server does not trust the request's {@code Host} header for what it publishes:
 * anyone can send any {@code Host}, and a cache in front that keys on something else would hand a
 * canonical link or sitemap naming another site to every reader and crawler. So pages then carry
 * a relative canonical link and no {@code og:url} (it must be absolute), and the sitemap and feed
 * are made from the request's own origin only when that is a loopback address ({@code localhost},
 * {@code 127.0.0.0/8}, {@code [::1]}): a preview on the author's machine. {@code X-Forwarded-*}
 * headers are never read. Immutable.
 */
public final class PublicUrl {
  /** No public URL: relative canonical links, sitemap and feed for local requests only. */
  public static final PublicUrl NONE = new PublicUrl(null);

  private static final Pattern LOOPBACK = Pattern.compile("(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?",
      Pattern.CASE_INSENSITIVE);

  /** The base without a trailing slash, e.g. {@code https://notes.example.org} or {@code …/notes}; or null. */
  private final String base;

  private PublicUrl(String base) {
    this.base = base;
  }

  /**
   * Parses {@code serve --public-url}: an absolute http or https URL, optionally with a path, and
   * no query, fragment or user information. Blank or null means none.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static PublicUrl parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("'" + text + "' is not an absolute http:// or https:// URL with a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("'" + text + "' must not have a query, a fragment or user information");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    String authority = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    return new PublicUrl(scheme + "://" + authority + path);
  }

  public boolean isSet() {
    return base != null;
  }

  /** The configured base, if any (no trailing slash). */
  public Optional<String> configured() {
    return Optional.ofNullable(base);
  }

  /**
   * The base for absolute URLs answering this request: the configured one, else the request's
   * origin when the request came to a loopback host, else empty.
   */
  public Optional<String> base(Context ctx) {
    if (base != null) {
      return Optional.of(base);
    }
    String host = ctx.host();
    if (host != null && LOOPBACK.matcher(host).matches()) {
      return Optional.of(ctx.scheme() + "://" + host.toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  /** {@code path} (starting with "/") as an absolute URL when there is a public URL, else as it is. */
  public String canonical(String path) {
    return base == null ? path : base + path;
  }

  @Override
  public String toString() {
    return base == null ? "(none)" : base;
  }
}
