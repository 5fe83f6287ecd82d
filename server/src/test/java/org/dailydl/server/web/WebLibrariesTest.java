package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page loads its libraries from the paths the build wrote into {@code web/js/libraries.js}:
 * every one of them is a file of a WebJar on the classpath, in the version Maven resolved, and no
 * other file of the page names a WebJar version by hand.
 */
class WebLibrariesTest {
  /** WebJar name → its Maven coordinates (group, artifact). */
  private static final Map<String, String[]> WEBJARS = Map.of(
      "katex", new String[] {"org.webjars.npm", "katex"},
      "highlightjs", new String[] {"org.webjars", "highlightjs"},
      "cytoscape", new String[] {"org.webjars.npm", "cytoscape"},
      "mark.js", new String[] {"org.webjars.npm", "mark.js"});

  private static final Pattern WEBJAR_CALL = Pattern.compile("webjar\\('([^']+)', '([^']*)', '([^']+)'\\)");

  @Test
  void every_library_path_of_the_page_is_a_webjar_file_in_the_resolved_version() throws IOException {
    String libraries = resource("/web/js/libraries.js");
    assertThat(libraries).as("filtered by the build").doesNotContainPattern("@[a-z.]+\\.version@");
    Matcher m = WEBJAR_CALL.matcher(libraries);
    List<String> checked = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      String version = m.group(2);
      String file = m.group(3);
      assertThat(WEBJARS).as("a known WebJar").containsKey(name);
      assertThat(version).as("%s's version", name).isEqualTo(resolvedVersion(name));
      String path = "/META-INF/resources/webjars/" + name + "/" + version + "/" + file;
      assertThat(WebLibrariesTest.class.getResource(path)).as("%s on the classpath", path).isNotNull();
      checked.add(name + "/" + file);
    }
    assertThat(checked).as("paths in libraries.js").contains(
        "katex/dist/katex.min.js", "katex/dist/katex.min.css", "highlightjs/highlight.min.js",
        "highlightjs/styles/github.min.css", "highlightjs/styles/github-dark.min.css", "cytoscape/dist/cytoscape.min.js",
        "mark.js/dist/mark.min.js");
  }

  @Test
  void no_other_file_of_the_page_names_a_webjar_version() throws IOException, URISyntaxException {
    URL index = WebLibrariesTest.class.getResource("/web/index.html");
    assertThat(index).isNotNull();
    Path web = Path.of(index.toURI()).getParent();
    try (Stream<Path> files = Files.walk(web)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = web.relativize(file).toString().replace('\\', '/');
        if (name.equals("js/libraries.js") || !(name.endsWith(".js") || name.endsWith(".html") || name.endsWith(".css"))) {
          continue;
        }
        assertThat(Files.readString(file)).as(name).doesNotContainPattern("/webjars/[^/'\"]+/\\d");
      }
    }
  }

  /** The version of the WebJar jar on the classpath, from the pom.properties Maven put into it. */
  private static String resolvedVersion(String name) throws IOException {
    String[] coordinates = WEBJARS.get(name);
    String path = "/META-INF/maven/" + coordinates[0] + "/" + coordinates[1] + "/pom.properties";
    try (InputStream in = WebLibrariesTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    }
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = WebLibrariesTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
