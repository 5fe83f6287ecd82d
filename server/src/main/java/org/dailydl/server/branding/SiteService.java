package org.dailydl.server.branding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dailydl.indexer.collection.Problem;
import org.dailydl.indexer.config.Site;
import org.dailydl.indexer.config.SiteConfigFile;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.index.IndexHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site being served: the content folder's {@code dailydl.yml} over what the folder and its
 * index suggest ({@link Site#resolve}). Recomputed when the index changes or the file is edited
 * (checked by size and time on each call, a stat), so a new title shows without a restart; the
 * file's warnings are logged each time it is read. Thread-safe.
 */
public final class SiteService {
  private static final Logger LOG = LoggerFactory.getLogger(SiteService.class);

  /** One computed site and what it was computed from. */
  private record Computed(long indexVersion, String fileStamp, Site site) {}

  private final IndexHandle index;
  private final Path contentDir;
  private volatile Computed computed;

  public SiteService(IndexHandle index) {
    this.index = Objects.requireNonNull(index);
    this.contentDir = index.contentDir();
  }

  /** The site as it is now. */
  public Site site() throws IOException {
    String stamp = stamp();
    try (IndexHandle.Lease lease = index.acquire()) {
      long version = lease.corpus().number();
      Computed current = computed;
      if (current != null && current.indexVersion() == version && current.fileStamp().equals(stamp)) {
        return current.site();
      }
      SiteConfigFile.Loaded loaded = SiteConfigFile.read(contentDir);
      for (Problem warning : loaded.warnings()) {
        LOG.warn("{}:{}: {}", warning.path(), warning.line(), warning.message());
      }
      Set<String> categories = lease.corpus().catalog().categories().keySet();
      List<String> titles = lease.corpus().catalog().articles().stream().map(IndexedArticle::title).toList();
      Site site = Site.resolve(loaded.config(), contentDir, categories, titles);
      computed = new Computed(version, stamp, site);
      return site;
    }
  }

  /** Size and modification time of the settings file, or "" when there is none. */
  private String stamp() {
    try {
      BasicFileAttributes attrs = Files.readAttributes(contentDir.resolve(SiteConfigFile.NAME),
          BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.size() + "/" + attrs.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return "";
    }
  }
}
