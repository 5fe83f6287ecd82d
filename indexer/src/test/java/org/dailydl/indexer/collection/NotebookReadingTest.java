package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Notebooks read for the reader: outputs kept in their cell's place; for the index: outputs dropped. */
class NotebookReadingTest {
  private final NotebookArticleParser parser = new NotebookArticleParser();

  private static final String V4 = """
      {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "source": ["# 标题\\n", "正文"]},
        {"cell_type": "code", "source": "print(1)", "outputs": [
          {"output_type": "stream", "name": "stdout", "text": ["一\\n"]},
          {"output_type": "stream", "name": "stdout", "text": "二\\n"},
          {"output_type": "execute_result", "data": {"text/plain": "3", "text/html": "<b>3</b>"}},
          {"output_type": "display_data", "data": {"image/png": "iVBO\\nRw0K\\n", "text/plain": "<Figure>"}}
        ]},
        {"cell_type": "code", "source": "x = 1", "outputs": []},
        {"cell_type": "code", "source": "1/0", "outputs": [
          {"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero",
           "traceback": ["\\u001b[0;31mZeroDivisionError\\u001b[0m: division by zero"]}
        ]}
      ]}""";

  @Test
  void outputs_are_kept_for_reading_in_their_cells_place_with_the_richest_representation() throws Exception {
    NotebookArticleParser.Reading reading = parser.forReading(V4);
    assertThat(reading.outputs()).hasSize(2);
    assertThat(reading.outputs().get(0)).containsExactly(
        new NotebookOutput(NotebookOutput.Kind.STDOUT, "text/plain", "一\n二\n"),
        new NotebookOutput(NotebookOutput.Kind.RESULT, "text/html", "<b>3</b>"),
        new NotebookOutput(NotebookOutput.Kind.RESULT, "image/png", "iVBORw0K"));
    assertThat(reading.outputs().get(1)).containsExactly(
        new NotebookOutput(NotebookOutput.Kind.ERROR, "text/plain", "ZeroDivisionError: division by zero"));
    assertThat(reading.images()).extracting(NotebookOutput::data).containsExactly("iVBORw0K");
    String fence = "```" + NotebookArticleParser.OUTPUTS_FENCE;
    assertThat(reading.markdown()).contains("print(1)\n```\n\n" + fence + "\n0\n```")
        .contains("1/0\n```\n\n" + fence + "\n1\n```").doesNotContain("x = 1\n```\n\n" + fence);
  }

  @Test
  void the_index_never_reads_outputs() throws Exception {
    NotebookArticleParser.Cells cells = parser.parse(V4);
    assertThat(cells.markdown() + cells.code()).doesNotContain("一").doesNotContain("ZeroDivisionError")
        .doesNotContain("iVBOR").doesNotContain(NotebookArticleParser.OUTPUTS_FENCE);
    assertThat(parser.toMarkdown(V4)).doesNotContain(NotebookArticleParser.OUTPUTS_FENCE).doesNotContain("二");
  }

  @Test
  void nbformat_3_outputs_are_read_by_their_short_names() throws Exception {
    String v3 = """
        {"nbformat": 3, "worksheets": [{"cells": [
          {"cell_type": "code", "input": "plot()", "outputs": [
            {"output_type": "pyout", "text": ["<Figure>"], "png": "iVBORw0K"},
            {"output_type": "stream", "stream": "stderr", "text": "warning\\n"},
            {"output_type": "pyerr", "ename": "NameError", "evalue": "x", "traceback": []}
          ]}
        ]}]}""";
    List<NotebookOutput> outputs = parser.forReading(v3).outputs().get(0);
    assertThat(outputs).extracting(NotebookOutput::kind, NotebookOutput::mediaType).containsExactly(
        org.assertj.core.groups.Tuple.tuple(NotebookOutput.Kind.RESULT, "image/png"),
        org.assertj.core.groups.Tuple.tuple(NotebookOutput.Kind.STDERR, "text/plain"),
        org.assertj.core.groups.Tuple.tuple(NotebookOutput.Kind.ERROR, "text/plain"));
    assertThat(outputs.get(2).data()).isEqualTo("NameError: x");
  }

  @Test
  void a_runaway_print_is_cut() throws Exception {
    String big = "x".repeat(NotebookOutput.MAX_TEXT * 2);
    String json = "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": ["
        + "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"" + big + "\"}]}]}";
    String text = parser.forReading(json).outputs().get(0).get(0).data();
    assertThat(text).hasSizeLessThan(NotebookOutput.MAX_TEXT + 100).endsWith("（输出过长，已截断）");
  }
}
