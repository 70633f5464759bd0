package io.activitytrail.cli;

import io.activitytrail.stack.LogTail;
import io.activitytrail.stack.StackException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Prints a failure as one clear message (plus the end of the failing piece's log), exit 1. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  static final int LOG_LINES = 30;

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    String command = cli.getCommandName();
    if (e instanceof StackException se) {
      err.println("trail " + command + " failed: " + se.getMessage());
      se.log()
          .ifPresent(
              log -> {
                err.println("--- last " + LOG_LINES + " lines of " + log + " ---");
                LogTail.lastLines(log, LOG_LINES).forEach(err::println);
                err.println("--- full log: " + log);
              });
    } else {
      err.println("trail " + command + " failed: " + describe(e));
      if (System.getenv("TRAIL_DEBUG") != null) {
        e.printStackTrace(err);
      }
    }
    err.flush();
    return 1;
  }

  private static String describe(Throwable e) {
    StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null && !s.toString().contains(c.getMessage())) {
        s.append(" (caused by: ").append(c.getMessage()).append(')');
      }
    }
    return s.toString();
  }
}
