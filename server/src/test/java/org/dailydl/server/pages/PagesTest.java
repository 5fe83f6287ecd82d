package org.dailydl.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.Response;
import org.dailydl.server.App;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.analytics.QueryLog;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.search.SearchService;
import org.dailydl.server.semantic.SemanticService;
import org.dailydl.indexer.analysis.Glossary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The site as crawlers, link previews and feed readers see it, over HTTP: the head of article pages,
 * HTML 404 pages for browsers and JSON for the API, the sitemap, robots.txt and the Atom feed.
 */
class PagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PUBLIC = "https://notes.example.org/kb";
  private static final String HOSTILE_TITLE = "</title><script>alert(1)</script>";
  private static final String HOSTILE_SUMMARY = "\"><img src=x onerror=alert(2)> & <b>粗</b>";
  /** Notes in notes/, each modified a minute after the one before: more than the feed lists. */
  private static final int DATED_NOTES = 23;
  private static final long START = Instant.parse("2025-03-01T08:00:00Z").toEpochMilli();

  @TempDir static Path temp;
  static IndexHandle handle;

  @BeforeAll
  static void index() throws Exception {
    Path content = temp.resolve("content");
    Files.createDirectories(content.resolve("notes"));
    Files.writeString(content.resolve("README.md"), "# 小站笔记\n\n- [注意力](注意力.md)\n");
    Files.writeString(content.resolve("注意力.md"), "---\ntitle: 注意力机制\nsummary: 注意力机制的入门讲解。\n"
        + "date: 2024-05-01\n---\n\n# 注意力机制\n\n查询、键和值。\n");
    Files.writeString(content.resolve("hostile.md"), "---\ntitle: \"" + HOSTILE_TITLE.replace("\"", "\\\"")
        + "\"\nsummary: '" + HOSTILE_SUMMARY + "'\n---\n\n正文。\n");
    Files.writeString(content.resolve("plain.md"), "# 没有摘要的笔记\n\n$E = mc^2$ 第一段文字说明了这篇笔记的内容。\n\n"
        + "```python\nprint('code')\n```\n\n- 列表里的一项\n");
    // the four notes above are the newest, at times the index trusts (not just before it reads them)
    int k = 0;
    for (String newest : List.of("README.md", "注意力.md", "hostile.md", "plain.md")) {
      Files.setLastModifiedTime(content.resolve(newest), FileTime.fromMillis(START + (DATED_NOTES + 10 + k++) * 60_000L));
    }
    for (int i = 1; i <= DATED_NOTES; i++) {
      Path note = content.resolve("notes/n" + String.format("%02d", i) + ".md");
      Files.writeString(note, "# 笔记 " + i + "\n\n第 " + i + " 篇的内容。\n");
      Files.setLastModifiedTime(note, FileTime.fromMillis(START + i * 60_000L));
    }
    handle = IndexHandle.open(content, temp.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    handle.close();
  }

  static Javalin app(PublicUrl publicUrl) {
    Glossary glossary = Glossary.builtIn();
    var features = ServeCommand.features(handle, null, SemanticService.disabled(),
        SearchService.create(handle, glossary, SemanticService.disabled()), QueryLog.disabled(), publicUrl);
    return App.create(features, App.Settings.DEFAULT);
  }

  static Response get(HttpClient client, String path, String accept) {
    return client.get(path, request -> request.header("Accept", accept));
  }

  static Response getFrom(HttpClient client, String path, String host) {
    return client.get(path, request -> request.header("Host", host));
  }

  static String idOf(HttpClient client, String path) throws Exception {
    JsonNode article = JSON.readTree(client.get("/api/articles?path=" + java.net.URLEncoder.encode(path,
        StandardCharsets.UTF_8)).body().string());
    return article.get("articles").get(0).get("id").asText();
  }

  static String meta(Document page, String key, String name) {
    var meta = page.selectFirst("meta[" + key + "=\"" + name + "\"]");
    return meta == null ? null : meta.attr("content");
  }

  @Test
  void an_article_page_carries_its_title_summary_open_graph_tags_and_canonical_link() {
    JavalinTest.test(app(PublicUrl.parse(PUBLIC + "/")), (server, client) -> {
      String id = idOf(client, "注意力.md");
      Response response = get(client, "/articles/" + id + "?q=%E9%94%AE", "text/html");
      assertThat(response.code()).isEqualTo(200);
      Document page = Jsoup.parse(response.body().string());
      assertThat(page.title()).isEqualTo("注意力机制 · 小站笔记");
      assertThat(meta(page, "name", "description")).isEqualTo("注意力机制的入门讲解。");
      assertThat(meta(page, "property", "og:title")).isEqualTo("注意力机制");
      assertThat(meta(page, "property", "og:description")).isEqualTo("注意力机制的入门讲解。");
      assertThat(meta(page, "property", "og:type")).isEqualTo("article");
      assertThat(meta(page, "property", "og:site_name")).isEqualTo("小站笔记");
      // the query that led here is not part of the article's address
      assertThat(meta(page, "property", "og:url")).isEqualTo(PUBLIC + "/articles/" + id);
      assertThat(page.select("link[rel=canonical]")).hasSize(1);
      assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(PUBLIC + "/articles/" + id);
      assertThat(page.select("meta[name=description]")).as("one description, not the site's and the article's").hasSize(1);
      // the page itself is still the page: its scripts and header are there
      assertThat(page.select("script[type=module][src=/js/app.js]")).hasSize(1);
      assertThat(page.getElementById("q")).isNotNull();
    });
  }

  @Test
  void an_article_without_a_summary_is_described_by_its_opening_text_without_formulas_or_code() {
    JavalinTest.test(app(PublicUrl.NONE), (server, client) -> {
      Document page = Jsoup.parse(client.get("/articles/" + idOf(client, "plain.md")).body().string());
      assertThat(meta(page, "name", "description")).isEqualTo("第一段文字说明了这篇笔记的内容。 列表里的一项");
      assertThat(page.title()).isEqualTo("没有摘要的笔记 · 小站笔记");
    });
  }

  @Test
  void a_hostile_title_and_summary_are_text_in_the_head_never_markup() {
    JavalinTest.test(app(PublicUrl.parse(PUBLIC)), (server, client) -> {
      Document base = Jsoup.parse(client.get("/").body().string());
      String html = client.get("/articles/" + idOf(client, "hostile.md")).body().string();
      assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
      Document page = Jsoup.parse(html);
      assertThat(page.title()).isEqualTo(HOSTILE_TITLE + " · 小站笔记");
      assertThat(meta(page, "property", "og:title")).isEqualTo(HOSTILE_TITLE);
      assertThat(meta(page, "name", "description")).isEqualTo(HOSTILE_SUMMARY);
      assertThat(page.select("script")).hasSameSizeAs(base.select("script"));
      assertThat(page.select("img[onerror], [onerror]")).isEmpty();
      assertThat(page.head().select("title")).hasSize(1);

      // the feed and the sitemap carry it as XML text too
      String feed = client.get("/feed.xml").body().string();
      assertThat(feed).doesNotContain("<script>");
      List<String> titles = texts(xml(feed).getElementsByTagNameNS(SyndicationXml.ATOM_NS, "title"));
      assertThat(titles).contains(HOSTILE_TITLE);
    });
  }

  @Test
  void without_a_public_url_pages_link_relatively_and_the_sitemap_answers_local_requests_only() {
    JavalinTest.test(app(PublicUrl.NONE), (server, client) -> {
      String id = idOf(client, "注意力.md");
      Document page = Jsoup.parse(getFrom(client, "/articles/" + id, "evil.example").body().string());
      assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("/articles/" + id);
      assertThat(meta(page, "property", "og:url")).as("og:url must be absolute: there is none").isNull();

      String local = "127.0.0.1:" + server.port();
      Response sitemap = getFrom(client, "/sitemap.xml", local);
      assertThat(sitemap.code()).isEqualTo(200);
      assertThat(locs(sitemap.body().string())).contains("http://" + local + "/", "http://" + local + "/articles/" + id);
      assertThat(getFrom(client, "/robots.txt", local).body().string())
          .contains("Sitemap: http://" + local + "/sitemap.xml");

      // a Host header anyone can send never becomes the site's address
      for (String path : List.of("/sitemap.xml", "/feed.xml")) {
        Response refused = getFrom(client, path, "evil.example");
        assertThat(refused.code()).as(path).isEqualTo(404);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.body().string()).get("detail").asText()).contains("--public-url");
      }
      String robots = getFrom(client, "/robots.txt", "evil.example").body().string();
      assertThat(robots).contains("User-agent: *", "Allow: /").doesNotContain("Sitemap").doesNotContain("evil");
    });
  }

  @Test
  void unknown_paths_answer_browsers_with_the_sites_404_page_and_the_api_with_json() {
    JavalinTest.test(app(PublicUrl.NONE), (server, client) -> {
      for (String path : List.of("/no/such/page", "/articles/no-such-article", "/articles/no-such-article?q=x")) {
        Response response = get(client, path, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(response.code()).as(path).isEqualTo(404);
        assertThat(response.header("Content-Type")).as(path).startsWith("text/html");
        Document page = Jsoup.parse(response.body().string());
        assertThat(page.select(".brand__name").text()).as("the site's header").isEqualTo("小站笔记");
        assertThat(page.select("link[rel=stylesheet][href=/css/app.css]")).hasSize(1);
        assertThat(page.select("main a[href=/]")).as("a link home").hasSize(1);
        assertThat(page.select("main form[action=/search][method=get] input[name=q]")).as("a search box").hasSize(1);
        assertThat(meta(page, "name", "robots")).isEqualTo("noindex");
        assertThat(page.title()).endsWith("· 小站笔记");
        assertThat(page.selectFirst("main h1").text()).isIn("页面不存在", "找不到这篇文章");
      }
      // an unknown article's page is a page whoever asks
      assertThat(get(client, "/articles/no-such-article", "*/*").header("Content-Type")).startsWith("text/html");
      // other callers, and the API whoever asks, get JSON
      for (String[] request : new String[][] {{"/no/such/page", "application/json"}, {"/no/such/page", "*/*"},
          {"/api/nope", "text/html"}, {"/api/articles/no-such-article", "text/html"}, {"/health/x", "text/html"}}) {
        Response response = get(client, request[0], request[1]);
        assertThat(response.code()).as(request[0]).isEqualTo(404);
        assertThat(response.header("Content-Type")).as(request[0] + " " + request[1]).startsWith("application/problem+json");
        JsonNode error = JSON.readTree(response.body().string());
        assertThat(error.get("status").asInt()).isEqualTo(404);
        assertThat(error.get("detail").asText()).isNotBlank();
      }
    });
  }

  @Test
  void the_sitemap_parses_as_xml_and_lists_the_home_page_and_every_article_with_its_modification() {
    JavalinTest.test(app(PublicUrl.parse(PUBLIC)), (server, client) -> {
      JsonNode list = JSON.readTree(client.get("/api/articles").body().string()).get("articles");
      Response response = client.get("/sitemap.xml");
      assertThat(response.header("Content-Type")).startsWith("application/xml");
      org.w3c.dom.Document sitemap = xml(response.body().string());
      assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(SyndicationXml.SITEMAP_NS);
      List<String> expected = new ArrayList<>(List.of(PUBLIC + "/"));
      list.forEach(a -> expected.add(PUBLIC + "/articles/" + a.get("id").asText()));
      assertThat(texts(sitemap.getElementsByTagNameNS(SyndicationXml.SITEMAP_NS, "loc")))
          .containsExactlyInAnyOrderElementsOf(expected);
      String third = PUBLIC + "/articles/" + idOf(client, "notes/n03.md");
      NodeList urls = sitemap.getElementsByTagNameNS(SyndicationXml.SITEMAP_NS, "url");
      int dated = 0;
      for (int i = 0; i < urls.getLength(); i++) {
        Element url = (Element) urls.item(i);
        String loc = text(url, SyndicationXml.SITEMAP_NS, "loc");
        if (loc.equals(third)) {
          assertThat(Instant.parse(text(url, SyndicationXml.SITEMAP_NS, "lastmod")))
              .isEqualTo(Instant.ofEpochMilli(START + 3 * 60_000L));
          dated++;
        }
        // every listed page is served
        assertThat(client.get(loc.substring(PUBLIC.length())).code()).as(loc).isEqualTo(200);
      }
      assertThat(dated).isEqualTo(1);
    });
  }

  @Test
  void the_feed_is_atom_listing_the_twenty_most_recently_changed_notes_newest_first() {
    JavalinTest.test(app(PublicUrl.parse(PUBLIC)), (server, client) -> {
      Response response = client.get("/feed.xml");
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("application/atom+xml");
      org.w3c.dom.Document feed = xml(response.body().string());
      Element root = feed.getDocumentElement();
      assertThat(root.getLocalName()).isEqualTo("feed");
      assertThat(root.getNamespaceURI()).isEqualTo(SyndicationXml.ATOM_NS);
      assertThat(text(root, SyndicationXml.ATOM_NS, "title")).isEqualTo("小站笔记");
      NodeList entries = feed.getElementsByTagNameNS(SyndicationXml.ATOM_NS, "entry");
      assertThat(entries.getLength()).isEqualTo(PagesController.FEED_ENTRIES);
      List<Instant> updated = new ArrayList<>();
      List<String> titles = new ArrayList<>();
      for (int i = 0; i < entries.getLength(); i++) {
        Element entry = (Element) entries.item(i);
        updated.add(Instant.parse(text(entry, SyndicationXml.ATOM_NS, "updated")));
        titles.add(text(entry, SyndicationXml.ATOM_NS, "title"));
        String link = ((Element) entry.getElementsByTagNameNS(SyndicationXml.ATOM_NS, "link").item(0)).getAttribute("href");
        assertThat(text(entry, SyndicationXml.ATOM_NS, "id")).isEqualTo(link);
        assertThat(link).startsWith(PUBLIC + "/articles/");
        assertThat(client.get(link.substring(PUBLIC.length())).code()).isEqualTo(200);
      }
      assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
      // the four notes written by the test run are newest, then notes/n23 back to n08; n01 to n07 are left out
      assertThat(titles.subList(0, 4)).containsExactlyInAnyOrder("小站笔记", "注意力机制", HOSTILE_TITLE, "没有摘要的笔记");
      assertThat(titles.subList(4, 20)).startsWith("笔记 23", "笔记 22").endsWith("笔记 8");
      assertThat(text(root, SyndicationXml.ATOM_NS, "updated")).isEqualTo(updated.get(0).toString());
    });
  }

  @Test
  void a_front_matter_date_is_the_entrys_publication_and_the_public_url_must_be_absolute_http() {
    assertThat(SyndicationXml.published("2024-05-01")).isEqualTo("2024-05-01T00:00:00Z");
    assertThat(SyndicationXml.published("2024-05-01T10:00:00+08:00")).isEqualTo("2024-05-01T02:00:00Z");
    assertThat(SyndicationXml.published("去年春天")).isNull();
    assertThat(PublicUrl.parse("HTTPS://Notes.Example.org/kb/").canonical("/x")).isEqualTo("https://notes.example.org/kb/x");
    assertThat(PublicUrl.parse("  ").isSet()).isFalse();
    for (String bad : List.of("notes.example.org", "ftp://notes.example.org", "/kb", "https://x.org/?a=1",
        "https://x.org/#top", "https://user@x.org", "javascript:alert(1)")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> PublicUrl.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(SyndicationXml.xmlText("a\u0000b\u0007c\uD800d\te")).isEqualTo("abcd\te");
  }

  @Test
  void serve_refuses_a_public_url_that_is_not_an_absolute_http_address_with_exit_code_2() {
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new org.dailydl.server.Main());
    cli.setErr(new java.io.PrintWriter(err));
    int exit = cli.execute("serve", "--public-url", "notes.example.org", "--content", temp.resolve("content").toString(),
        "--index", temp.resolve("never-built").toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--public-url").contains("not an absolute http:// or https:// URL");
    assertThat(temp.resolve("never-built")).doesNotExist();
  }

  // ---- XML helpers ------------------------------------------------------------------------------

  static org.w3c.dom.Document xml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> locs(String sitemap) throws Exception {
    return texts(xml(sitemap).getElementsByTagNameNS(SyndicationXml.SITEMAP_NS, "loc"));
  }

  static List<String> texts(NodeList nodes) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  static String text(Element parent, String ns, String name) {
    for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
        return e.getTextContent();
      }
    }
    return null;
  }
}
