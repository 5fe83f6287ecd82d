package org.dailydl.indexer.collection;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the article files of a content folder: {@code .md}, {@code .markdown} and {@code .ipynb} at
 * any depth. Hidden folders ({@code .git}, {@code .ipynb_checkpoints}) and dependency folders are
 * skipped; symbolic links are followed while they stay inside the folder (one that leads out of it,
 * to {@code /etc} or a parent folder, is reported and never followed: {@link ContentRoot}), a loop
 * is reported and a file reached twice is indexed once. Files over the size limit and empty files are skipped with a problem each.
 */
public final class ContentWalker {
  /** Default size limit: larger files are data, not notes. */
  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

  private static final String OUTSIDE = "symbolic link to outside the content folder; not followed";

  private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "__pycache__", "target");

  /** What a walk found: article files sorted by path, and problems with the ones left out. */
  public record Result(List<ContentFile> files, List<Problem> problems) {}

  private final Path root;
  private final ContentRoot boundary;
  private final long maxBytes;
  private final Path excluded;

  /**
   * @param root the content folder
   * @param maxBytes files larger than this are skipped
   * @param excluded a folder never to enter (the index, when it lives inside the content), or null
   */
  public ContentWalker(Path root, long maxBytes, Path excluded) {
    this.root = Objects.requireNonNull(root).toAbsolutePath().normalize();
    this.boundary = new ContentRoot(this.root);
    this.maxBytes = maxBytes;
    this.excluded = excluded == null ? null : excluded.toAbsolutePath().normalize();
  }

  /**
   * Whether a folder of this name is never entered: hidden folders ({@code .git},
   * {@code .ipynb_checkpoints}) and dependency or build folders. The walker and the server's
   * content watcher share this rule.
   */
  public static boolean isSkippedFolder(String name) {
    return name.startsWith(".") || SKIPPED_FOLDERS.contains(name);
  }

  /** Whether a path names an article file by its extension. */
  public static boolean isArticleFile(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".ipynb");
  }

  /** What the walk does with a folder. */
  private enum Folder { ENTERED, SKIPPED, OUTSIDE }

  /**
   * The one rule for folders, applied by {@link #walk} and {@link #folders}: the root is entered;
   * skipped names ({@link #isSkippedFolder}) and the excluded folder are not, nor a link that leads
   * out of the content folder.
   */
  private Folder folder(Path dir) {
    if (dir.equals(root)) {
      return Folder.ENTERED;
    }
    if (isSkippedFolder(dir.getFileName().toString()) || dir.equals(excluded)) {
      return Folder.SKIPPED;
    }
    return boundary.leaves(dir) ? Folder.OUTSIDE : Folder.ENTERED;
  }

  /**
   * Every folder at or below {@code start} that {@link #walk} enters (through symbolic links that
   * stay inside, as the walk does), in the order visited; {@code start} itself when the walk would
   * enter it. The server's content watcher watches exactly these. Folders that vanish meanwhile are
   * left out.
   */
  public List<Path> folders(Path start) throws IOException {
    Path from = start.toAbsolutePath().normalize();
    List<Path> folders = new ArrayList<>();
    if (!from.startsWith(root) || !Files.isDirectory(from)) {
      return folders;
    }
    for (Path parent = from.getParent(); parent != null && parent.startsWith(root) && !parent.equals(root);
        parent = parent.getParent()) {
      if (folder(parent) != Folder.ENTERED) {
        return folders;
      }
    }
    Files.walkFileTree(from, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (folder(dir) != Folder.ENTERED) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        folders.add(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    return folders;
  }

  /** Walks the folder. */
  public Result walk() throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("content folder not found: " + root);
    }
    List<ContentFile> found = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            Folder folder = folder(dir);
            if (folder == Folder.OUTSIDE) {
              problems.add(skipped(relative(dir), OUTSIDE));
            }
            return folder == Folder.ENTERED ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (!attrs.isRegularFile() || name.startsWith(".") || !isArticleFile(name)) {
              return FileVisitResult.CONTINUE;
            }
            String path = relative(file);
            if (boundary.leaves(file)) {
              problems.add(skipped(path, OUTSIDE));
            } else if (attrs.size() == 0) {
              problems.add(skipped(path, "empty file"));
            } else if (attrs.size() > maxBytes) {
              problems.add(skipped(path, "larger than the size limit (" + attrs.size() + " > " + maxBytes + " bytes)"));
            } else {
              found.add(new ContentFile(file, path, attrs.size()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            String path = relative(file);
            if (e instanceof FileSystemLoopException) {
              problems.add(skipped(path, "symbolic link loop; not followed"));
            } else if (isArticleFile(path) || Files.isDirectory(file)) {
              problems.add(new Problem(path, 0, "cannot be read: " + describe(e), Problem.Severity.UNREADABLE));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    List<ContentFile> files = onePathPerFile(found, problems);
    problems.sort(Comparator.comparing(Problem::path));
    return new Result(List.copyOf(files), List.copyOf(problems));
  }

  /**
   * A file reached by several paths (symbolic links) is indexed once, whatever order the file
   * system lists them in: under its own path when one of the paths is not a link, else under the
   * first path in order. The others get a problem each.
   */
  private static List<ContentFile> onePathPerFile(List<ContentFile> found, List<Problem> problems) {
    Map<Path, List<ContentFile>> byRealPath = new HashMap<>();
    for (ContentFile file : found) {
      byRealPath.computeIfAbsent(realPath(file.file()), k -> new ArrayList<>()).add(file);
    }
    List<ContentFile> files = new ArrayList<>();
    for (Map.Entry<Path, List<ContentFile>> e : byRealPath.entrySet()) {
      List<ContentFile> paths = new ArrayList<>(e.getValue());
      paths.sort(Comparator.comparing((ContentFile f) -> !f.file().toAbsolutePath().normalize().equals(e.getKey()))
          .thenComparing(ContentFile::path));
      files.add(paths.get(0));
      for (ContentFile other : paths.subList(1, paths.size())) {
        problems.add(skipped(other.path(), "same file as " + paths.get(0).path() + " (symbolic link); indexed once"));
      }
    }
    files.sort(Comparator.comparing(ContentFile::path));
    return files;
  }

  private String relative(Path file) {
    Path relative = root.relativize(file.toAbsolutePath().normalize());
    return relative.toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  private static Problem skipped(String path, String reason) {
    return new Problem(path, 0, reason, Problem.Severity.SKIPPED);
  }

  static String describe(IOException e) {
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
  }
}
