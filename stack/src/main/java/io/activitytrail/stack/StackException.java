package io.activitytrail.stack;

import java.nio.file.Path;
import java.util.Optional;

/** A piece of the stack failed; names the piece and, when it has one, its log. */
public class StackException extends RuntimeException {

  private final String piece;
  private final transient Path log;

  public StackException(String piece, Path log, String message, Throwable cause) {
    super(piece + ": " + message, cause);
    this.piece = piece;
    this.log = log;
  }

  public StackException(String piece, String message) {
    this(piece, null, message, null);
  }

  public String piece() {
    return piece;
  }

  public Optional<Path> log() {
    return Optional.ofNullable(log);
  }
}
