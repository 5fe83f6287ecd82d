package org.dailydl.indexer.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * The lock that gives one process at a time the right to write an index folder: {@code serve} holds
 * it while it runs, {@code index} while it builds. Lucene's own {@code write.lock} guards one
 * {@code IndexWriter}; this one guards the whole folder (generations, the {@code CURRENT} pointer,
 * vectors) for as long as its holder lives. It is an operating-system lock on {@code dailydl.lock}
 * inside the folder, so it goes away with its process however that ends (even {@code kill -9});
 * the file names the holder's pid for the message the next one gets. Not thread-safe.
 */
public final class FolderLock implements Closeable {
  /** The lock file's name inside the index folder. */
  public static final String FILE = "dailydl.lock";

  /** The folder is held by another process (or by another holder in this one). */
  public static final class HeldException extends IOException {
    private final String holder;

    HeldException(Path root, String holder) {
      super("the index folder " + root + " is in use by " + holder + "; stop that process, or use another --index"
          + " (serve --read-only serves a folder without writing to it)");
      this.holder = holder;
    }

    /** Who holds it, as the lock file says ("process 1234 (serve, since …)"). */
    public String holder() {
      return holder;
    }
  }

  private final Path root;
  private final String command;
  private FileChannel channel;
  private FileLock lock;
  private Object fileKey;

  private FolderLock(Path root, String command) {
    this.root = root;
    this.command = command;
  }

  /**
   * Takes the lock of {@code root} (created if missing) for {@code command} ("serve", "index").
   *
   * @throws HeldException when another process holds it
   * @throws IOException when the folder cannot be created or the lock file written (read-only, full)
   */
  public static FolderLock acquire(Path root, String command) throws IOException {
    FolderLock folderLock = new FolderLock(Objects.requireNonNull(root).toAbsolutePath().normalize(),
        Objects.requireNonNull(command));
    folderLock.lock();
    return folderLock;
  }

  private void lock() throws IOException {
    Files.createDirectories(root);
    Path file = root.resolve(FILE);
    FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock taken;
    try {
      taken = opened.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      taken = null;
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
    if (taken == null) {
      String holder = holderOf(opened);
      opened.close();
      throw new HeldException(root, holder);
    }
    try {
      byte[] text = ("pid " + ProcessHandle.current().pid() + "\ncommand " + command + "\nsince " + Instant.now() + "\n")
          .getBytes(StandardCharsets.UTF_8);
      opened.truncate(0);
      opened.write(ByteBuffer.wrap(text), 0);
      opened.force(true);
      fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException | RuntimeException e) {
      taken.release();
      opened.close();
      throw e;
    }
    channel = opened;
    lock = taken;
  }

  /** "process 1234 (serve, since 2026-12-06T…)", from a lock file someone else holds. */
  private static String holderOf(FileChannel channel) {
    String pid = "another process";
    String command = null;
    String since = null;
    try {
      ByteBuffer buffer = ByteBuffer.allocate(512);
      channel.read(buffer, 0);
      for (String line : new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("pid ")) {
          pid = "process " + line.substring(4).strip();
        } else if (line.startsWith("command ")) {
          command = line.substring(8).strip();
        } else if (line.startsWith("since ")) {
          since = line.substring(6).strip();
        }
      }
    } catch (IOException e) {
      // the holder's details are a courtesy: the lock itself is what counts
    }
    if (pid.equals("process " + ProcessHandle.current().pid())) {
      pid = "this process (pid " + ProcessHandle.current().pid() + ")";
    }
    return command == null ? pid : pid + " (" + command + (since == null ? "" : ", since " + since) + ")";
  }

  /**
   * Makes sure the lock is still this folder's: when the folder or its lock file was deleted (or
   * the folder moved) since, the lock is taken again on a new file.
   *
   * @throws HeldException when another process took the folder meanwhile
   */
  public void ensureHeld() throws IOException {
    Path file = root.resolve(FILE);
    Object now = null;
    try {
      now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException gone) {
      // deleted with its folder: take it again below
    }
    if (now != null && now.equals(fileKey) && lock != null && lock.isValid()) {
      return;
    }
    release();
    lock();
  }

  /** The folder this lock guards. */
  public Path root() {
    return root;
  }

  private void release() throws IOException {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
    } finally {
      lock = null;
      if (channel != null) {
        channel.close();
        channel = null;
      }
    }
  }

  @Override
  public void close() throws IOException {
    release();
  }
}
