package org.dailydl.server.web;

import io.javalin.Javalin;

/** A feature of the HTTP API: it registers its own routes on the app. */
public interface Feature {
  void routes(Javalin app);
}
