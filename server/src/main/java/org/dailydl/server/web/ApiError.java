package org.dailydl.server.web;

/** The JSON body of every API error: HTTP status, a short title and a sentence for humans. */
public record ApiError(int status, String title, String detail) {}
