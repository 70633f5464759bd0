package io.activitytrail.clickhouse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A failed ClickHouse call, with the server's error code when there is one. */
public class ClickHouseException extends RuntimeException {

  /** No ClickHouse error code: a client-side or transport failure. */
  public static final int NO_CODE = -1;

  // Codes after which the same statement can succeed later: overload, timeouts, network trouble,
  // a replica that is read-only for a while. Everything else (syntax, unknown table, bad row) would
  // fail again identically.
  private static final Set<Integer> RETRIABLE_CODES =
      Set.of(
          3, // UNEXPECTED_END_OF_FILE
          159, // TIMEOUT_EXCEEDED
          164, // READONLY
          202, // TOO_MANY_SIMULTANEOUS_QUERIES
          209, // SOCKET_TIMEOUT
          210, // NETWORK_ERROR
          241, // MEMORY_LIMIT_EXCEEDED
          242, // TABLE_IS_READ_ONLY
          252, // TOO_MANY_PARTS
          319, // UNKNOWN_STATUS_OF_INSERT
          425, // SYSTEM_ERROR
          999 // KEEPER_EXCEPTION
          );

  private static final Pattern CODE = Pattern.compile("Code:\\s*(\\d+)");

  private final int code;
  private final boolean retriable;

  public ClickHouseException(String message, int code, boolean retriable, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.retriable = retriable;
  }

  /** An error reported by ClickHouse, classified by its code. */
  public static ClickHouseException fromServer(String message, int code, Throwable cause) {
    return new ClickHouseException(message, code, RETRIABLE_CODES.contains(code), cause);
  }

  /** An error whose text starts like ClickHouse's own ({@code Code: 60. DB::Exception: ...}). */
  public static ClickHouseException fromMessage(String context, String engineMessage) {
    Matcher m = CODE.matcher(engineMessage);
    int code = m.find() ? Integer.parseInt(m.group(1)) : NO_CODE;
    return fromServer(context + ": " + engineMessage.strip(), code, null);
  }

  /** ClickHouse's error code, or {@link #NO_CODE}. */
  public int code() {
    return code;
  }

  /** Whether running the same statement again may succeed. */
  public boolean isRetriable() {
    return retriable;
  }
}
