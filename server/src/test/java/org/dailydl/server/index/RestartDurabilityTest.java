package org.dailydl.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.collection.ContentFile;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.server.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at a random moment during 20 content edits (changes, new notes, deletions,
 * renames) while {@code serve} watches the folder; then a restart: after its first update the
 * index holds exactly the notes on disk, each note's current words and none of its old ones, and
 * passes its checksums. Randomised with a fixed seed; {@code -Ddailydl.durability.rounds=N} and
 * {@code -Ddailydl.durability.seed=S} run it longer (benchmarks/scripts/restart-durability.sh).
 */
class RestartDurabilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EDITS = 20;

  @TempDir Path temp;

  @Test
  void after_a_kill_during_edits_the_first_update_of_the_restarted_server_matches_the_disk() throws Exception {
    long seed = Long.getLong("dailydl.durability.seed", 20261206L);
    int rounds = Integer.getInteger("dailydl.durability.rounds", 3);
    Random random = new Random(seed);
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path index = temp.resolve("index");
    Notes notes = new Notes(Files.createDirectories(content.resolve("编辑")), random);
    for (int i = 0; i < 8; i++) {
      notes.create();
    }
    for (int round = 0; round < rounds; round++) {
      String where = "seed " + seed + ", round " + round;
      try (ServeProcess server = ServeProcess.serve(content, index, temp, "--no-embeddings").awaitHealthy(180)) {
        int killAt = random.nextInt(EDITS);
        for (int edit = 0; edit < EDITS; edit++) {
          notes.editOnce();
          Thread.sleep(random.nextInt(250));
          if (edit == killAt) {
            Thread.sleep(random.nextInt(400));
            server.kill();
          }
        }
      }
      try (ServeProcess restarted = ServeProcess.serve(content, index, temp, "--no-embeddings").awaitHealthy(180)) {
        awaitFirstUpdate(restarted, where);
        assertMatchesDisk(restarted, content, index, notes, where);
      }
    }
  }

  /** Waits until the restarted server reports its first indexing run (the update at start). */
  private static void awaitFirstUpdate(ServeProcess server, String where) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode stats = JSON.readTree(server.get("/api/stats").body());
      if (stats.path("lastIndexRun").size() > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(where + ": no update within 180 s:\n" + server.output());
  }

  private static void assertMatchesDisk(ServeProcess server, Path content, Path index, Notes notes, String where)
      throws Exception {
    List<String> disk = new ContentWalker(content, ContentWalker.DEFAULT_MAX_BYTES, index).walk().files().stream()
        .map(ContentFile::path).sorted().toList();
    List<String> served = new ArrayList<>();
    JSON.readTree(server.get("/api/articles").body()).get("articles").forEach(a -> served.add(a.get("path").asText()));
    served.sort(null);
    assertThat(served).as(where + ": the article list is the disk").isEqualTo(disk);
    for (Map.Entry<String, String> note : notes.current().entrySet()) {
      JsonNode hits = JSON.readTree(server.get("/api/search?size=5&q=" + note.getValue()).body()).get("hits");
      assertThat(hits).as(where + ": " + note.getKey() + " found by its words").hasSize(1);
      assertThat(hits.get(0).get("path").asText()).isEqualTo("编辑/" + note.getKey());
    }
    for (String gone : notes.retired()) {
      JsonNode result = JSON.readTree(server.get("/api/search?q=" + gone).body());
      assertThat(result.get("total").asInt()).as(where + ": old words " + gone + " are gone").isZero();
    }
    assertThat(IndexFolder.verify(new IndexLocation(index).current().orElseThrow())).as(where).isNull();
  }

  /** The edited notes: each holds one made-up word of its own, which changes with every edit. */
  private static final class Notes {
    private final Path folder;
    private final Random random;
    private final Map<String, String> words = new TreeMap<>();
    private final Set<String> retired = new HashSet<>();
    private int next;

    Notes(Path folder, Random random) {
      this.folder = folder;
      this.random = random;
    }

    Map<String, String> current() {
      return words;
    }

    Set<String> retired() {
      return retired;
    }

    void editOnce() throws Exception {
      int kind = words.size() < 3 ? 0 : random.nextInt(4);
      List<String> names = new ArrayList<>(words.keySet());
      String name = names.isEmpty() ? null : names.get(random.nextInt(names.size()));
      switch (kind) {
        case 0 -> create();
        case 1 -> write(name);
        case 2 -> {
          Files.delete(folder.resolve(name));
          retired.add(words.remove(name));
        }
        default -> {
          String renamed = "笔记" + next++ + ".md";
          Files.move(folder.resolve(name), folder.resolve(renamed));
          words.put(renamed, words.remove(name));
        }
      }
    }

    void create() throws Exception {
      write("笔记" + next++ + ".md");
    }

    /** Writes the note with a new word, of the same length as any other: same-size edits are the hard case. */
    private void write(String name) throws Exception {
      String word = word();
      String old = words.put(name, word);
      if (old != null) {
        retired.add(old);
      }
      Files.writeString(folder.resolve(name), "# 编辑中的笔记\n\n这一版的词是 " + word + "，梯度下降。\n");
    }

    private String word() {
      StringBuilder word = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      return word.toString();
    }
  }
}
