package org.dailydl.indexer.collection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Jupyter notebooks (nbformat 4, and 3's worksheets) with Jackson: the sources of markdown
 * cells become Markdown, code cells become code. Outputs are dropped for the index: they can be
 * megabytes of base64 images and say nothing a reader searches for. Only {@link #forReading} reads
 * them, for the reader to show. Thread-safe.
 */
public final class NotebookArticleParser {

  /** The notebook is not JSON, or not a notebook. */
  public static final class MalformedNotebookException extends Exception {
    MalformedNotebookException(String message) {
      super(message);
    }
  }

  /** The Markdown of all markdown cells (blank-line separated) and the code of all code cells. */
  public record Cells(String markdown, String code) {}

  // Notebook strings (embedded images) may exceed Jackson's default 20 MB string limit.
  private final ObjectMapper mapper =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                  .build())
          .build();

  public Cells parse(String json) throws MalformedNotebookException {
    List<String> markdown = new ArrayList<>();
    StringBuilder code = new StringBuilder();
    for (Cell cell : cells(json)) {
      if (cell.code()) {
        code.append(cell.source()).append('\n');
      } else {
        markdown.add(cell.source());
      }
    }
    return new Cells(String.join("\n\n", markdown), code.toString().strip());
  }

  /**
   * The notebook as one Markdown document in cell order, code cells fenced with the kernel's
   * language (outputs are left out here too).
   */
  public String toMarkdown(String json) throws MalformedNotebookException {
    return markdown(cells(json), null);
  }

  /** The info string of the fenced block that stands for a code cell's outputs in {@link Reading#markdown}. */
  public static final String OUTPUTS_FENCE = "dailydl-notebook-outputs";

  /**
   * A notebook for reading: {@link #toMarkdown}'s Markdown with, after each code cell that has
   * outputs, a fenced block {@value #OUTPUTS_FENCE} whose content is the index of those outputs in
   * {@code outputs}. The fence adds no heading and no text, so the reader's headings and their ids
   * are the index's.
   */
  public record Reading(String markdown, List<List<NotebookOutput>> outputs) {
    public Reading {
      outputs = List.copyOf(outputs);
    }

    /** Every image output in document order (the reader's {@code outputs/{n}} counts these). */
    public List<NotebookOutput> images() {
      return outputs.stream().flatMap(List::stream).filter(NotebookOutput::isImage).toList();
    }
  }

  public Reading forReading(String json) throws MalformedNotebookException {
    List<List<NotebookOutput>> outputs = new ArrayList<>();
    String markdown = markdown(cells(json), outputs);
    return new Reading(markdown, outputs);
  }

  /** The Markdown of {@code cells}; with {@code outputs} non-null, each cell's outputs added there and marked. */
  private static String markdown(List<Cell> cells, List<List<NotebookOutput>> outputs) {
    String language = "python";
    StringBuilder md = new StringBuilder();
    for (Cell cell : cells) {
      if (cell.code()) {
        String fence = cell.source().contains("```") ? "~~~~" : "```";
        md.append(fence).append(language).append('\n').append(cell.source().stripTrailing()).append('\n')
            .append(fence).append("\n\n");
        List<NotebookOutput> shown = outputs == null ? List.of() : NotebookOutput.of(cell.outputs());
        if (!shown.isEmpty()) {
          md.append("```").append(OUTPUTS_FENCE).append('\n').append(outputs.size()).append("\n```\n\n");
          outputs.add(shown);
        }
      } else {
        md.append(cell.source().stripTrailing()).append("\n\n");
      }
    }
    return md.toString();
  }

  /** One cell: its source, whether it is code (else Markdown), and a code cell's outputs (or null). */
  private record Cell(String source, boolean code, JsonNode outputs) {}

  private List<Cell> cells(String json) throws MalformedNotebookException {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      // limits (nesting depth, number length) are reported without a location
      JsonLocation at = e.getLocation();
      throw new MalformedNotebookException("malformed notebook JSON" + (at == null ? "" : " at line " + at.getLineNr())
          + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedNotebookException("not a notebook: the top level is not a JSON object");
    }
    JsonNode cells = root.get("cells");
    if (cells == null && root.path("worksheets").isArray() && !root.path("worksheets").isEmpty()) {
      cells = root.path("worksheets").get(0).get("cells");
    }
    if (cells == null || !cells.isArray()) {
      throw new MalformedNotebookException("not a notebook: no \"cells\" array");
    }
    List<Cell> result = new ArrayList<>();
    for (JsonNode cell : cells) {
      String type = cell.path("cell_type").asText("");
      String source = text(cell.has("source") ? cell.get("source") : cell.get("input"));
      if (type.equals("markdown") || type.equals("heading")) {
        int level = cell.path("level").asInt(0);
        result.add(new Cell(type.equals("heading") && level > 0 ? "#".repeat(Math.min(level, 6)) + " " + source : source,
            false, null));
      } else if (type.equals("code")) {
        result.add(new Cell(source, true, cell.get("outputs")));
      }
    }
    return result;
  }

  private static String text(JsonNode source) {
    return NotebookOutput.text(source);
  }
}
