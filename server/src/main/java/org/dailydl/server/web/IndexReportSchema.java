package org.dailydl.server.web;

import io.javalin.openapi.OpenApiName;

/**
 * Stands for the index report in the OpenAPI document: the report is JSON written by the indexer
 * ({@code ReportWriter}) and described by its committed JSON Schema
 * ({@code docs/index-report.schema.json}), which {@code OpenApiDocument} puts in this schema's place.
 * Never instantiated.
 */
@OpenApiName(IndexReportSchema.NAME)
public final class IndexReportSchema {
  public static final String NAME = "IndexReport";

  private IndexReportSchema() {}
}
