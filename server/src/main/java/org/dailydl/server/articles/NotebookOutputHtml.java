package org.dailydl.server.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dailydl.indexer.collection.NotebookArticleParser;
import org.dailydl.indexer.collection.NotebookOutput;
import org.dailydl.server.web.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;

/**
 * The outputs of a notebook's code cells as the reader shows them: text as preformatted text
 * (escaped), HTML (DataFrame tables) cleaned down to table markup and its text, images from
 * {@code /articles/{id}/outputs/{n}} (a URL of their own keeps the article's JSON small and lets
 * the browser cache them). The article's sanitiser runs over all of it again.
 */
final class NotebookOutputHtml {
  /** Table markup only: no style, script, link, image or attribute but the spans of cells. */
  static final Safelist TABLES = new Safelist()
      .addTags("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td")
      .addAttributes("th", "colspan", "rowspan")
      .addAttributes("td", "colspan", "rowspan")
      .addAttributes("col", "span")
      .addAttributes("colgroup", "span");

  private NotebookOutputHtml() {}

  /** One HTML block per code cell that has outputs, in {@link NotebookArticleParser.Reading#outputs} order. */
  static List<String> render(NotebookArticleParser.Reading reading, String articleId) {
    List<String> blocks = new ArrayList<>();
    int image = 0;
    for (List<NotebookOutput> cell : reading.outputs()) {
      StringBuilder html = new StringBuilder("<div class=\"nb-outputs\">");
      for (NotebookOutput output : cell) {
        if (output.isImage()) {
          html.append("<p class=\"nb-output nb-output--image\"><img src=\"").append(Html.escape(imageUrl(articleId, image)))
              .append("\" alt=\"运行结果图 ").append(image + 1).append("\"></p>");
          image++;
        } else if (output.mediaType().equals("text/html")) {
          html.append("<div class=\"nb-output nb-output--html\">").append(tables(output.data())).append("</div>");
        } else {
          html.append("<pre class=\"nb-output nb-output--").append(output.kind().name().toLowerCase(Locale.ROOT))
              .append("\">").append(Html.escape(output.data().stripTrailing())).append("</pre>");
        }
      }
      blocks.add(html.append("</div>").toString());
    }
    return blocks;
  }

  /** The URL of the notebook's {@code n}-th image output (0-based, document order). */
  static String imageUrl(String articleId, int n) {
    return "/articles/" + articleId + "/outputs/" + n;
  }

  /** HTML as table markup and text only; style and script elements go with their content. */
  static String tables(String html) {
    var dirty = Jsoup.parseBodyFragment(html);
    dirty.select("style, script, template, noscript").remove();
    return Jsoup.clean(dirty.body().html(), "", TABLES, new OutputSettings().prettyPrint(false));
  }
}
