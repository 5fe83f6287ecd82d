package org.dailydl.server.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The release this build belongs to, as the build wrote it: {@code version.properties} (filtered
 * from the POM's {@code project.version}), else the jar manifest's {@code Implementation-Version}.
 * One place, so {@code --version}, the OpenAPI document, {@code /ready} and the metrics agree.
 */
public final class AppVersion implements CommandLine.IVersionProvider {
  private static final String VERSION = read();

  /** The release version, e.g. {@code 0.2.0}; {@code unknown} when the build recorded none. */
  public static String get() {
    return VERSION;
  }

  /** What {@code dailydl --version} prints. */
  @Override
  public String[] getVersion() {
    return new String[] {"Daily-DeepLearning " + VERSION};
  }

  private static String read() {
    try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "").strip();
        if (!version.isEmpty() && !version.startsWith("${")) {
          return version;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String manifest = AppVersion.class.getPackage().getImplementationVersion();
    return manifest == null ? "unknown" : manifest;
  }
}
