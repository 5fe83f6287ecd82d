package org.dailydl.server.mcp;

import io.modelcontextprotocol.util.DefaultMcpUriTemplateManagerFactory;
import io.modelcontextprotocol.util.McpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Article resource URIs: {@code dailydl://articles/} followed by the article's content path, its
 * folders' slashes kept ({@code dailydl://articles/深度学习/CNN.md}). Characters a URI cannot
 * carry (spaces, {@code % ? # { }}, controls) are percent-encoded; reading decodes any
 * percent-encoding, so a client that encoded the whole path (RFC 6570 simple expansion turns
 * {@code /} into {@code %2F}) reads the same article.
 */
final class ArticleUris {
  static final String PREFIX = "dailydl://articles/";
  static final String TEMPLATE = PREFIX + "{path}";

  private ArticleUris() {}

  static String of(String path) {
    StringBuilder out = new StringBuilder(PREFIX);
    path.codePoints().forEach(cp -> {
      if (cp < 0x21 || cp == 0x7f || "%?#{}\"<>\\^`|".indexOf(cp) >= 0) {
        for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  /** The content path of an article URI, or null when {@code uri} is not one. */
  static String pathOf(String uri) {
    if (uri == null || !uri.startsWith(PREFIX) || uri.length() == PREFIX.length()) {
      return null;
    }
    String encoded = uri.substring(PREFIX.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); ) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()
          && Character.digit(encoded.charAt(i + 1), 16) >= 0 && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
        bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = encoded.codePointAt(i);
        bytes.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * URI templates as the SDK matches them, except that the article template's {@code {path}}
   * matches the rest of the URI, slashes included (the SDK's variables stop at a slash).
   */
  static final class Templates implements McpUriTemplateManagerFactory {
    private final McpUriTemplateManagerFactory standard = new DefaultMcpUriTemplateManagerFactory();

    @Override
    public McpUriTemplateManager create(String uriTemplate) {
      if (!TEMPLATE.equals(uriTemplate)) {
        return standard.create(uriTemplate);
      }
      return new McpUriTemplateManager() {
        @Override
        public List<String> getVariableNames() {
          return List.of("path");
        }

        @Override
        public Map<String, String> extractVariableValues(String uri) {
          String path = pathOf(uri);
          return path == null ? Map.of() : Map.of("path", path);
        }

        @Override
        public boolean matches(String uri) {
          return pathOf(uri) != null;
        }

        @Override
        public boolean isUriTemplate(String uri) {
          return uri.contains("{");
        }
      };
    }
  }
}
