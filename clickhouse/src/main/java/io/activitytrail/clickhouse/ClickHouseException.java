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

  // Codes that blame the statement or the target, not the rows: every row would be refused alike,
  // so splitting the batch would only dead-letter good rows. Any other code that is not retriable
  // (cannot parse a value, violated constraint, value out of range, ...) refuses rows.
  private static final Set<Integer> STATEMENT_CODES =
      Set.of(
          8, // THERE_IS_NO_COLUMN
          10, // NOT_FOUND_COLUMN_IN_BLOCK
          16, // NO_SUCH_COLUMN_IN_TABLE
          46, // UNKNOWN_FUNCTION
          47, // UNKNOWN_IDENTIFIER
          48, // NOT_IMPLEMENTED
          60, // UNKNOWN_TABLE
          62, // SYNTAX_ERROR
          73, // UNKNOWN_FORMAT
          81, // UNKNOWN_DATABASE
          115, // UNKNOWN_SETTING
          192, // UNKNOWN_USER
          193, // WRONG_PASSWORD
          194, // REQUIRED_PASSWORD
          195, // IP_ADDRESS_NOT_ALLOWED
          291, // DATABASE_ACCESS_DENIED
          394, // QUERY_WAS_CANCELLED
          497, // ACCESS_DENIED
          516 // AUTHENTICATION_FAILED
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

  /**
   * Whether ClickHouse refused rows of an insert for what they hold (a value it cannot parse or
   * store, a violated constraint): the same insert without those rows can succeed. False for
   * retriable errors, failures without a code (client side, transport) and errors about the
   * statement or the target (unknown table or column, syntax, access), which fail every row alike.
   */
  public boolean refusesRows() {
    return !retriable && code != NO_CODE && !STATEMENT_CODES.contains(code);
  }
}
