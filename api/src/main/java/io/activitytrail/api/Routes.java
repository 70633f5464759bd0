package io.activitytrail.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;

/**
 * A group of endpoints beside the reads (exports, and what later products add), dispatched by path.
 * A handler checks its method, token, workspace and role in the server's order (docs/api.md) and
 * may throw {@link Unauthorized} or {@link BadParameter}; the server answers those as 401 and 400.
 */
public interface Routes {

  /** The template of a path this group serves (the metrics label), or empty. */
  Optional<String> template(String rawPath);

  /** Answers a request whose path {@link #template} matched; returns the status sent. */
  int handle(HttpExchange exchange) throws IOException;
}
