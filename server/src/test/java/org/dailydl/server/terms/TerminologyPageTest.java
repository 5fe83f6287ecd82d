package org.dailydl.server.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.analysis.GlossarySections;
import org.dailydl.indexer.collection.LinkResolver;
import org.dailydl.server.Main;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The terminology page: generated from the glossary search uses, and committed in step with it. */
class TerminologyPageTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  @TempDir Path temp;

  @Test
  void the_committed_page_is_exactly_what_the_glossary_and_the_notes_give() throws Exception {
    Path committed = corpus.contentDir().resolve(TerminologyPage.DEFAULT_PATH);
    assertThat(committed).as("content/" + TerminologyPage.DEFAULT_PATH).isRegularFile();
    String expected = TermsCommand.render(corpus.handle(), TerminologyPage.DEFAULT_PATH);
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("content/术语表.md is out of step with the glossary: run "
            + "java -jar server/target/dailydl.jar terms --content content --index /tmp/terms-index")
        .isEqualTo(expected);
  }

  @Test
  void every_group_of_the_glossary_is_a_row_with_all_its_chinese_spellings() throws Exception {
    String page = Files.readString(corpus.contentDir().resolve(TerminologyPage.DEFAULT_PATH), StandardCharsets.UTF_8);
    Glossary glossary = Glossary.forContent(corpus.contentDir());
    long rows = page.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| 术语 ") && !l.startsWith("| ---")).count();
    java.util.Set<String> groups = new java.util.HashSet<>();
    for (GlossarySections.Section section : GlossarySections.forContent(corpus.contentDir())) {
      for (String first : section.firstTerms()) {
        groups.add(glossary.canonical(first));
        for (String term : glossary.group(first)) {
          if (term.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            assertThat(page).as(term).contains(TerminologyPage.escape(term));
          }
        }
      }
    }
    assertThat(rows).isEqualTo(groups.size()).isGreaterThan(1000);
    assertThat(page).contains("| 线性整流函数、修正线性单元 | rectified linear unit | ReLU |")
        .contains("| 低秩适配、低秩自适应 | low-rank adaptation | LoRA |");
  }

  @Test
  void the_explaining_article_is_named_by_title_else_by_a_section_else_by_mentions_never_the_home_page()
      throws Exception {
    Path content = Files.createDirectories(temp.resolve("notes"));
    Files.writeString(content.resolve("README.md"), "# 注意力与卷积的笔记\n\n卷积 卷积 卷积 池化 池化 池化\n");
    Files.writeString(content.resolve("长标题.md"), "# 注意力机制的来龙去脉与各种变体\n\n正文。\n");
    Files.writeString(content.resolve("后面.md"), "# 双流注意力\n\n正文。\n");
    Files.writeString(content.resolve("短标题.md"), "# 注意力机制\n\n正文。\n");
    Files.writeString(content.resolve("cnn.md"), "# 图像识别\n\n## 卷积\n\n卷积核滑过图像。\n\n## 训练技巧与卷积的调参\n");
    Files.writeString(content.resolve("mentions.md"), "# 杂记\n\n池化一次，池化两次，池化三次。\n");
    Files.writeString(content.resolve("once.md"), "# 随笔\n\n提到一次池化。\n");
    Files.writeString(content.resolve(Glossary.USER_FILE), "# 我们组的叫法\n炼丹 | 调参, model | training\n");
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      String page = TermsCommand.render(handle, "glossary/术语表.md");
      // 注意力 opens both titles: the shorter wins; a title that names it later loses to one that opens with it
      assertThat(row(page, "| 注意力、注意力机制 |")).contains("[注意力机制](../短标题.md)");
      assertThat(row(page, "| 卷积、卷积运算 |")).contains("](../cnn.md)");
      assertThat(row(page, "| 池化、汇聚 |")).contains("](../mentions.md)");
      assertThat(row(page, "| 最大池化 |")).endsWith("| — |");
      assertThat(page).doesNotContain("](../README.md)");
      // an author's own terms form their own section, with table syntax in them escaped
      assertThat(page).contains("## 我们组的叫法").contains("| 炼丹 \\| 调参 | model \\| training | — | — |");
      // every link the page makes resolves to an article
      LinkResolver resolver = new LinkResolver(content);
      java.util.regex.Matcher links = java.util.regex.Pattern.compile("\\]\\(([^)]+)\\)").matcher(page);
      int n = 0;
      while (links.find()) {
        assertThat(resolver.resolve("glossary/术语表.md", links.group(1)).target()).as(links.group(1)).isNotNull();
        assertThat(content.resolve(resolver.resolve("glossary/术语表.md", links.group(1)).target())).isRegularFile();
        n++;
      }
      assertThat(n).isGreaterThanOrEqualTo(3);
    }
  }

  private static String row(String page, String start) {
    return page.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(start));
  }

  @Test
  void abbreviations_are_spelled_by_the_starts_of_a_multi_word_name_in_the_same_group() {
    assertThat(TermColumns.isAbbreviation("mlp", List.of("mlp", "multi-layer perceptron"))).isTrue();
    assertThat(TermColumns.isAbbreviation("relu", List.of("relu", "rectified linear unit"))).isTrue();
    assertThat(TermColumns.isAbbreviation("bert", List.of("bert", "bidirectional encoder representations from transformers")))
        .isTrue();
    assertThat(TermColumns.isAbbreviation("conv", List.of("convolution", "conv"))).as("no multi-word name").isFalse();
    assertThat(TermColumns.isAbbreviation("adam", List.of("adam", "adam optimizer"))).as("a word of the name").isFalse();
    assertThat(TermColumns.isAbbreviation("backprop", List.of("backprop", "back propagation"))).isFalse();
    TermColumns columns = TermColumns.of(List.of("神经网络", "neural network", "neural networks", "nn-model", "nnm"),
        java.util.Map.of());
    assertThat(columns.chinese()).containsExactly("神经网络");
    assertThat(columns.english()).containsExactly("neural network", "nn-model");
    assertThat(columns.abbreviations()).containsExactly("NNM");
    assertThat(TerminologyPage.heading("注意力与 Transformer attention and transformer")).isEqualTo("注意力与 Transformer");
    assertThat(TerminologyPage.href("术语表.md", "a b/(c).md")).isEqualTo("a%20b/%28c%29.md");
  }

  @Test
  void terms_check_fails_until_the_page_is_written_and_out_must_stay_inside_the_content_folder() throws Exception {
    Path content = Files.createDirectories(temp.resolve("notes"));
    Files.writeString(content.resolve("a.md"), "# 注意力机制\n\n正文。\n");
    String[] common = {"--content", content.toString(), "--index", temp.resolve("index").toString()};
    assertThat(run("terms", "--check", common[0], common[1], common[2], common[3])).isEqualTo(TermsCommand.EXIT_OUT_OF_DATE);
    assertThat(run("terms", common[0], common[1], common[2], common[3])).isZero();
    assertThat(content.resolve(TerminologyPage.DEFAULT_PATH)).isRegularFile();
    assertThat(run("terms", "--check", common[0], common[1], common[2], common[3])).isZero();
    assertThat(run("terms", common[0], common[1], common[2], common[3], "--out", temp.resolve("elsewhere.md").toString()))
        .isEqualTo(2);
    assertThat(temp.resolve("elsewhere.md")).doesNotExist();
  }

  private static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }
}
