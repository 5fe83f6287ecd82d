package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.dailydl.indexer.Fixtures;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

/**
 * The page takes its site from the server: another author's folder shows its own name, examples
 * and categories (its notes at the top included) and none of ours; ours shows ours (dailydl.yml).
 * Articles show their figures, served from the content folder.
 *
 * <p>Skipped when the browser is not installed, except under {@code CI=true}, where that fails.
 */
class BrowserSiteTest {
  private static final List<String> OURS = List.of("Daily-DeepLearning", "深度学习知识库", "每天一点", "自注意力",
      "attention mask", "梯度下降", "卷积神经网络", "Transformer");

  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  static BrowserServer foreign;
  static BrowserServer ours;
  static BrowserSession browser;

  @BeforeAll
  static void start() throws IOException {
    BrowserSession.requireBrowser();
    Path temp = Files.createTempDirectory("dailydl-foreign-site");
    foreign = BrowserServer.startOn(Fixtures.copyOfForeignNotes(temp.resolve("notes")), temp);
    ours = BrowserServer.start(corpus);
    browser = BrowserSession.start(foreign.origin);
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (foreign != null) {
        foreign.close();
      }
      if (ours != null) {
        ours.close();
      }
    }
  }

  @AfterEach
  void consoleIsClean() {
    browser.collectLogs();
    List<String> errors = browser.console().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    assertThat(errors).as("console errors").isEmpty();
    browser.clearLogs();
  }

  private void open(String origin, String path) {
    browser.driver.get(origin + path);
    browser.waitUntilRendered();
  }

  private List<String> texts(String css) {
    return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  @Test
  void a_foreign_folder_shows_its_own_name_examples_and_categories_and_none_of_ours() {
    String origin = foreign.origin;
    open(origin, "/");
    assertThat(browser.driver.getTitle()).isEqualTo("小林的算法笔记");
    assertThat(text(".brand__name")).isEqualTo("小林的算法笔记");
    assertThat(text("#hero-title")).isEqualTo("小林的算法笔记");
    List<String> examples = texts(".hero__examples .chip--example");
    assertThat(examples).isNotEmpty().startsWith("排序").doesNotContainAnyElementsOf(OURS);
    // three notes at the top and seven in three folders: four categories, ten articles
    assertThat(text(".home-section__meta")).isEqualTo("4 个分类 · 10 篇文章");
    assertThat(texts(".category-card__name")).containsExactly("动态规划", "图论", "排序", "根目录", "知识图谱");
    assertThat(text(".home-readme__title")).isEqualTo("小林的算法笔记");
    String page = (String) browser.js("return document.documentElement.outerHTML;");
    for (String word : OURS) {
      assertThat(page).as(word).doesNotContain(word);
    }

    // the notes at the top are a category of their own, with a link that lists them
    browser.driver.findElement(By.cssSelector(".category-card[href='/search?category=%2F']")).click();
    browser.waitFor("the root category", () -> browser.pathAndQuery().equals("/search?category=%2F")
        && "ready".equals(browser.js("return document.getElementById('main').dataset.state;")));
    assertThat(text(".results-header__title")).contains("根目录");
    assertThat(browser.driver.findElements(By.cssSelector(".hits .hit"))).hasSize(3);
    assertThat(browser.driver.getTitle()).isEqualTo("根目录 - 分类 · 小林的算法笔记");

    // an empty search offers the folder's examples
    open(origin, "/search?q=" + "zzzzqqqq");
    assertThat(texts(".chip--example")).isNotEmpty().doesNotContainAnyElementsOf(OURS);
  }

  @Test
  void a_foreign_article_shows_its_figure() {
    String origin = foreign.origin;
    open(origin, "/search?q=" + "快速排序");
    browser.driver.findElement(By.cssSelector(".hit .hit__title a")).click();
    browser.waitUntilRendered();
    assertFigureShows("/files/%E6%8E%92%E5%BA%8F/figures/partition.svg");
  }

  @Test
  void our_knowledge_base_shows_its_own_branding_and_its_figures() {
    open(ours.origin, "/");
    assertThat(browser.driver.getTitle()).isEqualTo("Daily-DeepLearning · 深度学习知识库");
    assertThat(text(".brand__name")).isEqualTo("Daily-DeepLearning");
    assertThat(text("#hero-title")).isEqualTo("深度学习，每天一点");
    assertThat(text("#hero-title .hero__accent")).isEqualTo("每天一点");
    assertThat(texts(".hero__examples .chip--example"))
        .containsExactly("自注意力", "attention mask", "KNN", "梯度下降", "卷积神经网络", "pytorch");
    assertThat(texts(".category-card__name")).startsWith("Python", "Machine Learning", "Deep Learning", "NLP")
        .contains("总览与学习路线");
    assertThat(text(".site-footer")).contains("Daily-DeepLearning 深度学习知识库");

    String id = ours.articleId("04-NLP/词袋模型-TFIDF.md", "TF-IDF 词袋模型");
    open(ours.origin, "/articles/" + id);
    assertFigureShows("/files/04-NLP/figures/tfidf-example.svg");
  }

  /** The article shows the image at {@code src}, loaded and drawn (naturalWidth > 0). */
  private void assertFigureShows(String src) {
    String selector = ".markdown-body img[src='" + src + "']";
    browser.waitFor("the figure " + src + " in the article", () -> Boolean.TRUE.equals(browser.js(
        "return !!document.querySelector(arguments[0]);", selector)));
    // figures load lazily: scroll to it as a reader would
    browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", selector);
    browser.waitFor("the figure " + src + " to load", () -> Boolean.TRUE.equals(browser.js(
        "var i = document.querySelector(arguments[0]); return i.complete && i.naturalWidth > 0;", selector)));
    assertThat(browser.jsLong("return document.querySelector(arguments[0]).naturalWidth;", selector)).isPositive();
    assertThat(browser.driver.findElement(By.cssSelector(selector)).getAttribute("alt")).isNotBlank();
  }
}
