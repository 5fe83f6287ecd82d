package org.dailydl.indexer.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model's native libraries (DJL's tokenizer, JNA, onnxruntime) are unpacked under the index's
 * folder or the temp folder, never the user's home. Run in a fresh JVM with a home of its own,
 * since a library unpacks once per process.
 */
class NativeLibrariesTest {
  @TempDir Path temp;

  @Test
  void loading_the_model_writes_nothing_under_the_users_home() throws Exception {
    Path home = Files.createDirectories(temp.resolve("home"));
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    Path natives = temp.resolve("index").resolve("native");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder process = new ProcessBuilder(List.of(java, "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp,
        "-cp", System.getProperty("java.class.path"), EmbedOnce.class.getName(), natives.toString()))
        .redirectErrorStream(true)
        .redirectOutput(temp.resolve("out.txt").toFile());
    process.environment().remove("XDG_CACHE_HOME");
    process.environment().put("HOME", home.toString());
    Process run = process.start();
    assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
    String output = Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8);
    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).contains("dimensions " + Embedder.DIMENSIONS);

    try (Stream<Path> underHome = Files.walk(home)) {
      assertThat(underHome.filter(p -> !p.equals(home)).map(Path::toString)).as(output).isEmpty();
    }
    try (Stream<Path> unpacked = Files.walk(natives)) {
      assertThat(unpacked.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.contains("tokenizers") && (name.endsWith(".so") || name.endsWith(".dylib")));
    }
  }
}
