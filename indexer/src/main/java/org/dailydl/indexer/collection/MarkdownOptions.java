package org.dailydl.indexer.collection;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import java.util.List;

/**
 * The one flexmark configuration: the indexer parses and the server renders with the same
 * extensions, so what is indexed is what is shown. GFM tables, strikethrough, task lists,
 * autolinks, YAML front matter and TeX math; heading ids as {@link HeadingIds} defines them.
 */
public final class MarkdownOptions {
  private MarkdownOptions() {}

  /** Parser options with the shared extensions plus {@code extra} ones (e.g. renderer-only). */
  public static MutableDataSet options(Extension... extra) {
    List<Extension> extensions =
        new ArrayList<>(
            List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                TaskListExtension.create(),
                AutolinkExtension.create(),
                YamlFrontMatterExtension.create(),
                MathExtension.create()));
    extensions.addAll(List.of(extra));
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, extensions);
    // GitHub-flavoured tables: no column spans, header separator required.
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    HeadingIds.configure(options);
    return options;
  }

  /** A parser with the shared options. Flexmark parsers are thread-safe once built. */
  public static Parser parser(DataHolder options) {
    return Parser.builder(options).build();
  }
}
