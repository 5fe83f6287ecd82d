package org.dailydl.indexer.collection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One output of a notebook's code cell, in the one representation a reader is shown: an image
 * (PNG or JPEG, base64 as the notebook stores it), else HTML (DataFrame tables), else plain text;
 * streams and errors are text. Only the reader uses these: outputs are never indexed (they can be
 * megabytes of base64 and say nothing a reader searches for).
 *
 * @param kind where the output came from
 * @param mediaType {@code image/png}, {@code image/jpeg}, {@code text/html} or {@code text/plain}
 * @param data the text, or an image's base64 without whitespace
 */
public record NotebookOutput(Kind kind, String mediaType, String data) {
  /** A result or display, printed text, printed warnings, or a raised exception. */
  public enum Kind { RESULT, STDOUT, STDERR, ERROR }

  /** Text longer than this is cut: a runaway loop's print must not make an article of megabytes. */
  static final int MAX_TEXT = 20_000;

  /** nbformat 4 keys first, then nbformat 3's short names, in the order a reader prefers them. */
  private static final String[][] PREFERRED = {
    {"image/png", "png"}, {"image/jpeg", "jpeg"}, {"text/html", "html"}, {"text/plain", "text"}
  };
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

  public NotebookOutput {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(mediaType);
    Objects.requireNonNull(data);
  }

  public boolean isImage() {
    return mediaType.startsWith("image/");
  }

  /** The outputs of one code cell ({@code outputs} may be null), adjacent prints of one stream merged. */
  static List<NotebookOutput> of(JsonNode outputs) {
    List<NotebookOutput> result = new ArrayList<>();
    if (outputs == null || !outputs.isArray()) {
      return result;
    }
    for (JsonNode output : outputs) {
      NotebookOutput read = read(output);
      if (read == null) {
        continue;
      }
      int last = result.size() - 1;
      if (last >= 0 && read.kind() != Kind.RESULT && read.kind() == result.get(last).kind()
          && read.kind() != Kind.ERROR) {
        result.set(last, new NotebookOutput(read.kind(), read.mediaType(), cut(result.get(last).data() + read.data())));
      } else {
        result.add(read);
      }
    }
    return result;
  }

  private static NotebookOutput read(JsonNode output) {
    String type = output.path("output_type").asText("");
    switch (type) {
      case "stream" -> {
        Kind kind = output.path("name").asText(output.path("stream").asText("")).equals("stderr") ? Kind.STDERR : Kind.STDOUT;
        String text = text(output.get("text"));
        return text.isEmpty() ? null : new NotebookOutput(kind, "text/plain", cut(ANSI.matcher(text).replaceAll("")));
      }
      case "execute_result", "display_data", "pyout" -> {
        return rich(output.has("data") ? output.get("data") : output);
      }
      case "error", "pyerr" -> {
        String traceback = String.join("\n", lines(output.get("traceback")));
        String text = traceback.isBlank() ? output.path("ename").asText("") + ": " + output.path("evalue").asText("")
            : traceback;
        return new NotebookOutput(Kind.ERROR, "text/plain", cut(ANSI.matcher(text).replaceAll("")));
      }
      default -> {
        return null;
      }
    }
  }

  private static NotebookOutput rich(JsonNode data) {
    for (String[] names : PREFERRED) {
      for (String name : names) {
        JsonNode value = data.get(name);
        if (value == null || value.isNull()) {
          continue;
        }
        String text = text(value);
        if (text.isBlank()) {
          continue;
        }
        boolean image = names[0].startsWith("image/");
        return new NotebookOutput(Kind.RESULT, names[0], image ? text.replaceAll("\\s+", "") : cut(text));
      }
    }
    return null;
  }

  private static String cut(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "\n…（输出过长，已截断）";
  }

  private static List<String> lines(JsonNode node) {
    List<String> lines = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(line -> lines.add(line.asText("")));
    }
    return lines;
  }

  /** A notebook string: one string, or a list of lines to join. */
  static String text(JsonNode source) {
    if (source == null || source.isNull()) {
      return "";
    }
    if (source.isArray()) {
      StringBuilder text = new StringBuilder();
      source.forEach(line -> text.append(line.asText("")));
      return text.toString();
    }
    return source.asText("");
  }
}
