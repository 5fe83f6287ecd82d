package org.dailydl.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile values for URLs, as they go on the wire: fixed lists by kind, and a deterministic
 * generator (fixed seed) that splices them with random text. A {@link Value}'s {@code wire} form is
 * already percent-encoded (or deliberately not), so the test decides byte for byte what is sent.
 */
public final class HostileInputs {
  /** A value and the exact characters that go into the request target (one char = one byte). */
  public record Value(String kind, String wire) {
    @Override
    public String toString() {
      String shown = wire.length() > 80 ? wire.substring(0, 80) + "…(" + wire.length() + " chars)" : wire;
      return kind + ":" + escapeControls(shown);
    }
  }

  public static final long SEED = 0x5EED_DA11L;

  /** Lucene query syntax fragments, alone and in combinations that the parser and the automata dislike. */
  public static final List<String> LUCENE = List.of(
      "title:", "*", "?", "~", "^", "[a TO", "{", "\"", "AND OR NOT", "\\", "/regex/", "field:*abc*",
      "title:*", "*:*", "?a", "*a", "a*", "a?", "a~", "a~2", "a~0.5", "a~-1", "a^", "a^-1", "a^0", "a^1e309",
      "abcdefghij~2", "\"a b\"~", "\"a b\"~99999999999", "[* TO *]", "{a TO b]", "title:[a TO", "title:{* TO",
      "/[/", "/(/", "/.*/", "/.*.*.*x/", "/a{1,100000}/", "/(a|b)*c{1,1000}/", "title:/.{0,5000}/",
      "/\\\\/", "AND", "OR", "NOT", "NOT NOT NOT", "a AND", "AND a", "a OR OR b", "+", "-", "+-+-a", "&&", "||",
      "!", "!!a", "a && || b", "(", ")", "((((((((((a))))))))))", "(a OR (b AND (c", "title:(a", "title:\"a",
      "_exists_:title", "body:a^10 title:b^0.1", "\\u", "\\u00", "a\\", "\\\\", "\\*", "tag:\"<b>\"",
      "path:../../etc/passwd", "title:\u0000", "卷积~2", "注意力*", "*注意力", "title:注意力^3", "\"注意力 机制\"~5");

  /** Unbalanced quotes, brackets and markup. */
  public static final List<String> UNBALANCED = List.of(
      "\"", "\"\"\"", "'", "''", "(", ")", "(()", "())", "[", "]", "[[", "{", "}", "{{}", "<", ">", "<<>",
      "\"unterminated", "(unterminated", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
      "'><svg/onload=alert(1)>", "`", "```", "$", "$$", "$$\\href{javascript:alert(1)}{x}$$", "{{7*7}}", "${7*7}",
      "%s%s%s%n", "%", "%%", "100%");

  /** Unicode that trips normalisation, segmentation and display: emoji, ZWJ, bidi controls, odd spaces. */
  public static final List<String> UNICODE = List.of(
      "😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🧑🏽‍💻", "注意力😀机制", "\u202E", "\u200F", "abc\u202Edcba", "\u200B", "\u200D",
      "\uFEFF", "\u00A0", "\u3000", "\u2028", "\u2029", "ｆｕｌｌｗｉｄｔｈ", "Ⅻ", "ﬁ", "ẞ", "İ", "ǅ",
      "\u0301\u0301\u0301", "a\u0308", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\uD834\uDD1E", "ⓐⓑⓒ", "٣", "１０", "Ω", "注意力",
      "卷积神经网络", "全连接层 k近邻 gbdt 批归一化 反向传播 微调 点积 少样本", "的的的的的的的的", "。。。，，，");

  /** Controls, NUL and invalid UTF-8, already percent-encoded (the bytes a decoder must survive). */
  public static final List<String> ENCODED_BYTES = List.of(
      "%00", "%01", "%1F", "%7F", "a%00b", "%00%00%00", "%0D%0AX-Injected:%201", "%0A", "%0D", "%09", "%08",
      "%ED%A0%80", "%ED%B0%80", "%ED%A0%BD%ED%B8%80", "%C3%28", "%FF", "%FE%FF", "%C0%AF", "%C0%80", "%E2%82",
      "%F4%90%80%80", "%F8%88%80%80%80", "%80", "%BF", "%E2%80%AE", "%E2%80%8F", "%EF%BF%BF", "%EF%BF%BD",
      "%", "%G1", "%2", "%%", "%%%", "%u0041", "%2%", "a%", "%ZZ", "%-1", "%+1", "%2B", "%20", "+", "++",
      "%252e%252e%252f", "%25", "%2525");

  /** Path traversal and foreign paths, for ids and path parameters. */
  public static final List<String> TRAVERSAL = List.of(
      "../../etc/passwd", "../../../../../../../../etc/passwd", "/etc/passwd", "etc/passwd", "..", ".", "...",
      "../", "./", "/", "//", "\\", "..\\..\\windows\\win.ini", "C:\\Windows\\win.ini", "C:/Windows/win.ini",
      "\\\\server\\share\\x.md", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/",
      "....//....//etc/passwd", "..;/..;/etc/passwd", "README.md/../../etc/passwd", "深度学习/../../../etc/passwd",
      ".hidden/secret.md", "深度学习/../.hidden/secret.md", "./.hidden/secret.md", "../canary.txt",
      "../outside.md", "../index/write.lock", "../../canary.txt", "README.md%00.png", "README.md\u0000",
      "/README.md", "./README.md", "README.md/", "readme.md", "README.MD", "深度学习//CNN.md", "深度学习/./CNN.md",
      "深度学习\\CNN.md", "数据分析/.ipynb_checkpoints/Pandas入门-checkpoint.ipynb", "~/.ssh/id_rsa", "$HOME",
      "%2e%2e/%2e%2e/etc/passwd", "category:../../etc", "topic:../../", "category:", "topic:", ":");

  /** Pre-encoded traversal forms that a strict encoder would never produce. */
  public static final List<String> ENCODED_TRAVERSAL = List.of(
      "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cetc",
      "%2E%2E", "..%c0%af..%c0%afetc%c0%afpasswd", "..%252F..%252Fetc", "%2F%2F", "..%00/", ".%2e/.%2e/etc/passwd");

  /** Numbers for size, page and depth. */
  public static final List<String> NUMBERS = List.of(
      "-1", "0", "1", "2", "3", "21", "51", "101", "10000", "10001", "2147483647", "2147483648", "-2147483648",
      "-2147483649", "9223372036854775808", "99999999999999999999999", "1e9", "1E2", "NaN", "Infinity", "-0",
      "+5", "0x10", "010", "1.5", "1,000", "1_000", " 1", "1 ", "", " ", "٣", "１０", "true", "null", "[]", "{}");

  private HostileInputs() {}

  /** Every fixed value, encoded for the wire (text values strictly percent-encoded as UTF-8). */
  public static List<Value> fixed() {
    List<Value> values = new ArrayList<>();
    LUCENE.forEach(s -> values.add(text("lucene", s)));
    UNBALANCED.forEach(s -> values.add(text("unbalanced", s)));
    UNICODE.forEach(s -> values.add(text("unicode", s)));
    ENCODED_BYTES.forEach(s -> values.add(new Value("bytes", s)));
    TRAVERSAL.forEach(s -> values.add(text("traversal", s)));
    TRAVERSAL.forEach(s -> values.add(new Value("traversal-raw", rawPath(s))));
    ENCODED_TRAVERSAL.forEach(s -> values.add(new Value("traversal-encoded", s)));
    NUMBERS.forEach(s -> values.add(text("number", s)));
    for (int length : new int[] {256, 257, 1025, 2000, 10_000}) {
      values.add(text("long", "a".repeat(length)));
    }
    values.add(text("long", "长".repeat(257)));
    values.add(text("long", "长".repeat(10_000)));
    values.add(text("long", "(".repeat(10_000)));
    values.add(text("long", "a* OR ".repeat(1700)));
    return values;
  }

  /** Values for numeric parameters: the number list plus the encoded-byte oddities. */
  public static List<Value> numeric() {
    List<Value> values = new ArrayList<>();
    NUMBERS.forEach(s -> values.add(text("number", s)));
    ENCODED_BYTES.forEach(s -> values.add(new Value("bytes", s)));
    values.add(text("long", "9".repeat(10_000)));
    return values;
  }

  /** {@code count} random values from a fixed seed: fragments of every list spliced with random text. */
  public static List<Value> generated(int count) {
    Random random = new Random(SEED);
    List<Value> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder wire = new StringBuilder();
      int pieces = 1 + random.nextInt(6);
      for (int p = 0; p < pieces; p++) {
        wire.append(piece(random));
      }
      if (random.nextInt(40) == 0) {
        wire.append(encode("x".repeat(2000 + random.nextInt(9000))));
      }
      values.add(new Value("generated#" + i, wire.toString()));
    }
    return values;
  }

  private static String piece(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> encode(pick(random, LUCENE));
      case 1 -> encode(pick(random, UNBALANCED));
      case 2 -> encode(pick(random, UNICODE));
      case 3 -> pick(random, ENCODED_BYTES);
      case 4 -> random.nextBoolean() ? encode(pick(random, TRAVERSAL)) : pick(random, ENCODED_TRAVERSAL);
      case 5 -> encode(pick(random, NUMBERS));
      case 6 -> encode(randomText(random, 1 + random.nextInt(40)));
      case 7 -> randomBytes(random, 1 + random.nextInt(8));
      default -> encode(randomCjk(random, 1 + random.nextInt(20)));
    };
  }

  private static String pick(Random random, List<String> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** Printable ASCII with Lucene and URL metacharacters over-represented. */
  private static String randomText(Random random, int length) {
    String special = "*?~^[]{}()\"'\\/:+-!&|<>%#;=,. \t";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(random.nextInt(3) == 0 ? special.charAt(random.nextInt(special.length()))
          : (char) (0x20 + random.nextInt(0x5F)));
    }
    return text.toString();
  }

  private static String randomCjk(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 7) {
        text.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
      } else if (kind < 9) {
        text.appendCodePoint(0x1F300 + random.nextInt(0x300));
      } else {
        text.append((char) (0x2000 + random.nextInt(0x70)));
      }
    }
    return text.toString();
  }

  /** Random percent-encoded bytes: controls, continuation bytes, surrogate encodings, anything. */
  private static String randomBytes(Random random, int length) {
    StringBuilder wire = new StringBuilder();
    for (int i = 0; i < length; i++) {
      wire.append(String.format("%%%02X", random.nextInt(256)));
    }
    return wire.toString();
  }

  public static Value text(String kind, String text) {
    return new Value(kind, encode(text));
  }

  /** Strict percent-encoding of UTF-8: only unreserved characters stay as they are. */
  public static String encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        out.append((char) c);
      } else {
        out.append(String.format("%%%02X", c));
      }
    }
    return out.toString();
  }

  /** Like {@link #encode} but keeps {@code /} and {@code \} raw, so a path climbs as written. */
  public static String rawPath(String text) {
    return encode(text).replace("%2F", "/").replace("%5C", "\\");
  }

  /** The target as the server would decode it, leniently (invalid escapes kept, bytes as UTF-8). */
  public static String decodeLeniently(String wire) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < wire.length(); i++) {
      char c = wire.charAt(i);
      if (c == '%' && isHex(wire, i + 1) && isHex(wire, i + 2)) {
        bytes.write(Integer.parseInt(wire.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.write(c & 0xFF);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  public static String escapeControls(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
