package org.dailydl.benchmarks.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.dailydl.benchmarks.corpus.CorpusPlan.Spec;
import org.dailydl.benchmarks.corpus.Vocabulary.Term;

/**
 * Writes the Markdown of one planned article: front matter, an H1, sections of Chinese prose with
 * English terms, lists, tables, inline and display math, fenced Python, relative links to other
 * planned articles (a set share of them broken on purpose), until the article reaches its planned
 * size. The text depends only on the plan, the seed and the article's index, so articles can be
 * written in any order and in parallel. Thread-safe.
 */
final class ArticleComposer {
  /** The Markdown and how many internal links it has, broken ones included. */
  record Composed(String markdown, int links, int brokenLinks, int bytes) {}

  private final CorpusPlan plan;
  private final long seed;
  private final double brokenLinkRate;

  ArticleComposer(CorpusPlan plan, long seed, double brokenLinkRate) {
    this.plan = Objects.requireNonNull(plan);
    this.seed = seed;
    this.brokenLinkRate = brokenLinkRate;
  }

  Composed compose(Spec spec) {
    return new Writer(spec, new SplittableRandom(mix(mix(seed) + spec.index()))).write();
  }

  /**
   * MurmurHash3's finaliser. Seeds must be scrambled: SplittableRandom steps its state by a fixed
   * gamma, so seeds that differ by multiples of it (as {@code seed ^ index * gamma} nearly do) give
   * overlapping, correlated streams.
   */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** The state of writing one article. */
  private final class Writer {
    private final Spec spec;
    private final SplittableRandom random;
    private final StringBuilder out = new StringBuilder(16_384);
    private final Set<String> headings = new HashSet<>();
    private final String topicEn;
    private int bytes;
    private int links;
    private int broken;
    private Term b;
    private Term c;

    Writer(Spec spec, SplittableRandom random) {
      this.spec = spec;
      this.random = random;
      this.topicEn = spec.topic().enName(random.nextInt(3));
    }

    Composed write() {
      frontMatterAndTitle();
      paragraph(2 + random.nextInt(3));
      while (bytes + 250 < spec.targetBytes()) {
        section();
      }
      relatedReading();
      if (random.nextDouble() < 0.4) {
        append("## 参考资料\n\n");
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
          append(String.format(Locale.ROOT, "- [%s](https://arxiv.org/abs/%02d%02d.%05d)\n", fill("{Ae} 原始论文"),
              14 + random.nextInt(11), 1 + random.nextInt(12), random.nextInt(100_000)));
        }
        append("\n");
      }
      return new Composed(out.toString(), links, broken, bytes);
    }

    private void frontMatterAndTitle() {
      String name = spec.topic().zhName() + "（" + topicEn + "）";
      if (spec.frontMatter()) {
        String title = name + "：" + pick(Phrases.SUBTITLES);
        pickRelated();
        List<String> tags = new ArrayList<>(List.of(spec.topic().zhName(), topicEn, b.zhName()));
        if (!c.zhName().equals(b.zhName())) {
          tags.add(c.zhName());
        }
        append("---\ntitle: " + title + "\ntags: [" + String.join(", ", tags) + "]\nsummary: "
            + fill(pick(Phrases.SUMMARIES)) + "\n---\n\n");
        if (random.nextDouble() < 0.85) {
          append("# " + title + "\n\n");
        }
      } else {
        append("# " + name + "\n\n");
      }
    }

    private void section() {
      pickRelated();
      String heading = fill(pick(Phrases.H2));
      for (int attempt = 0; attempt < 8 && !headings.add(heading); attempt++) {
        heading = fill(pick(Phrases.H2)); // a repeat only once the frames run out, as in long notes
      }
      append("## " + heading + "\n\n");
      paragraph(3 + random.nextInt(5));
      if (random.nextDouble() < 0.35) {
        list();
      }
      if (random.nextDouble() < 0.3) {
        append("$$\n" + pick(Phrases.DISPLAY_MATH) + "\n$$\n\n");
        paragraph(1 + random.nextInt(2));
      }
      if (random.nextDouble() < 0.2) {
        table();
      }
      if (random.nextDouble() < 0.3) {
        code();
      }
      if (random.nextDouble() < 0.25) {
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
          pickRelated();
          append("### " + fill(pick(Phrases.H3)) + "\n\n");
          paragraph(2 + random.nextInt(4));
        }
      }
    }

    private void paragraph(int sentences) {
      StringBuilder p = new StringBuilder();
      for (int i = 0; i < sentences; i++) {
        pickRelated();
        if (i > 0 && random.nextDouble() < 0.25) {
          p.append(pick(Phrases.OPENERS));
        }
        p.append(fill(pick(Phrases.SENTENCES)));
      }
      append(p.append("\n\n").toString());
    }

    private void list() {
      boolean ordered = random.nextBoolean();
      for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
        pickRelated();
        String marker = ordered ? (i + 1) + ". " : "- ";
        String item = random.nextBoolean()
            ? "**" + b.zhName() + "**（" + b.enName(i) + "）：" + fill(pick(Phrases.SENTENCES))
            : fill(pick(Phrases.SENTENCES));
        append(marker + item + "\n");
      }
      append("\n");
    }

    private void table() {
      double kind = random.nextDouble();
      StringBuilder t = new StringBuilder();
      if (kind < 0.4) {
        t.append("| 方法 | 优点 | 缺点 |\n|---|---|---|\n");
        for (int i = 0, n = 3 + random.nextInt(3); i < n; i++) {
          pickRelated();
          t.append("| ").append(b.zhName()).append("（").append(b.enName(0)).append("） | ")
              .append(pick(Phrases.PROS)).append(" | ").append(pick(Phrases.CONS)).append(" |\n");
        }
      } else if (kind < 0.7) {
        t.append("| 超参数 | 常用取值 | 说明 |\n|---|---|---|\n");
        int first = random.nextInt(Phrases.HYPERPARAMETERS.length);
        for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
          String[] row = Phrases.HYPERPARAMETERS[(first + i) % Phrases.HYPERPARAMETERS.length];
          t.append("| `").append(row[0]).append("` | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
        }
      } else {
        t.append("| 模型 | 年份 | 参数量 | 主要改进 |\n|---|---|---|---|\n");
        for (int i = 0, n = 3 + random.nextInt(3); i < n; i++) {
          pickRelated();
          t.append("| ").append(b.enName(i)).append(" | ").append(2012 + random.nextInt(13)).append(" | ")
              .append(1 + random.nextInt(900)).append("M | ").append(c.zhName()).append(" |\n");
        }
      }
      append(t.append("\n").toString());
    }

    private void code() {
      String identifier = b.enName(random.nextInt(2));
      String body = pick(Phrases.CODE).replace("{Camel}", CorpusPlan.camel(identifier))
          .replace("{snake}", snake(identifier)).replace("{act}", pick(Phrases.ACTIVATIONS));
      append("```python\n" + fill(body).stripTrailing() + "\n```\n\n");
    }

    private void relatedReading() {
      append("## 相关阅读\n\n");
      for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
        append("- " + link() + "\n");
      }
      append("\n");
    }

    /** A Markdown link to another planned article; now and then to one that does not exist. */
    private String link() {
      Spec target = linkTarget();
      String path = target.path();
      links++;
      if (random.nextDouble() < brokenLinkRate) {
        broken++;
        int slash = path.lastIndexOf('/');
        path = path.substring(0, slash + 1) + "已删除-" + path.substring(slash + 1);
      }
      String text = random.nextDouble() < 0.7 ? target.topic().zhName() : target.topic().enName(0);
      return "[" + text + "](" + CorpusPlan.relativeLink(spec.path(), path) + ")";
    }

    private Spec linkTarget() {
      double where = random.nextDouble();
      List<Spec> pool = where < 0.6 ? plan.inFolder(spec.folder().path())
          : where < 0.85 ? plan.inCategory(CorpusPlan.categoryOf(spec.path())) : plan.specs();
      for (int attempt = 0; attempt < 4; attempt++) {
        Spec target = pool.get(random.nextInt(pool.size()));
        if (target.index() != spec.index()) {
          return target;
        }
        pool = plan.specs();
      }
      return plan.specs().get((spec.index() + 1) % plan.specs().size());
    }

    /** Two related terms for the next sentence: mostly the folder's theme, sometimes the whole section. */
    private void pickRelated() {
      b = relatedTerm();
      c = relatedTerm();
    }

    private Term relatedTerm() {
      List<Term> pool = random.nextDouble() < 0.8 ? spec.folder().theme() : spec.folder().section().terms();
      // squared uniform: the first terms of a theme recur most, as topic words do in real notes
      double u = random.nextDouble();
      return pool.get((int) (u * u * pool.size()));
    }

    private String fill(String template) {
      String a = random.nextDouble() < 0.1 ? "**" + spec.topic().zhName() + "**" : spec.topic().zhName();
      String text = template.replace("{Ae}", topicEn).replace("{A}", a).replace("{Be}", b.enName(random.nextInt(3)))
          .replace("{B}", b.zhName()).replace("{C}", c.zhName())
          .replace("{Y}", Integer.toString(2012 + random.nextInt(13)))
          .replace("{M}", pick(Phrases.INLINE_MATH));
      text = text.replace("{P}", String.format(Locale.ROOT, "%.1f", 0.3 + random.nextDouble() * 6));
      while (text.contains("{N}")) {
        text = text.replaceFirst("\\{N}", Integer.toString(2 + random.nextInt(510)));
      }
      while (text.contains("{L}")) {
        text = text.replaceFirst("\\{L}", Matcher.quoteReplacement(link()));
      }
      return text;
    }

    private <T> T pick(T[] options) {
      return options[random.nextInt(options.length)];
    }

    private void append(String text) {
      out.append(text);
      bytes += utf8Length(text);
    }
  }

  /** {@code Multi-Head Attention} → {@code multi_head_attention}. */
  static String snake(String words) {
    return String.join("_", words.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).replaceAll("^_+|_+$", "");
  }

  static int utf8Length(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < 0x80) {
        n += 1;
      } else if (ch < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(ch)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
