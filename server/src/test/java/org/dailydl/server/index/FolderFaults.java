package org.dailydl.server.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Faults of a folder, made for real: read-only (immutable for root, who ignores permissions;
 * without write permission otherwise) and a tiny file system (a tmpfs, which needs root: these
 * machines and CI run as root; elsewhere the test is skipped outside CI and fails under it).
 */
final class FolderFaults {
  private FolderFaults() {}

  static boolean isRoot() {
    try {
      return run(List.of("id", "-u")).strip().equals("0");
    } catch (IOException e) {
      return false;
    }
  }

  /** Nothing can be created, changed or deleted below {@code folder} any more. */
  static void makeReadOnly(Path folder) throws IOException {
    run(isRoot() ? List.of("chattr", "-R", "+i", folder.toString()) : List.of("chmod", "-R", "a-w", folder.toString()));
  }

  static void makeWritable(Path folder) throws IOException {
    run(isRoot() ? List.of("chattr", "-R", "-i", folder.toString()) : List.of("chmod", "-R", "u+w", folder.toString()));
  }

  /** Mounts a tmpfs of {@code megabytes} at {@code mountPoint} (created). */
  static void mountTmpfs(Path mountPoint, int megabytes) throws IOException {
    Files.createDirectories(mountPoint);
    try {
      run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString()));
    } catch (IOException e) {
      String why = "a " + megabytes + " MB tmpfs cannot be mounted (needs root): " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IOException(why, e);
      }
      Assumptions.abort(why + " — skipped outside CI");
    }
  }

  static void unmount(Path mountPoint) throws IOException {
    try {
      run(List.of("umount", mountPoint.toString()));
    } catch (IOException busy) {
      run(List.of("umount", "-l", mountPoint.toString()));
    }
  }

  /** Fills the file system of {@code folder} with one file until a write fails for want of space. */
  static Path fill(Path folder) throws IOException {
    Path filler = folder.resolve("filler.bin");
    try (var out = Files.newOutputStream(filler)) {
      // big blocks, then ever smaller ones for the last free bytes
      for (int size = 1 << 16; size > 0; size /= 4) {
        byte[] block = new byte[size];
        try {
          while (true) {
            out.write(block);
          }
        } catch (IOException full) {
          if (!String.valueOf(full.getMessage()).contains("No space left")) {
            throw full;
          }
        }
      }
    }
    return filler;
  }

  private static String run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + ": timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output.strip());
    }
    return output;
  }
}
