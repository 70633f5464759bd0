package io.activitytrail.clickhouse.http;

import java.util.Set;

/**
 * The HTTP status a ClickHouse server answers an error code with (its exceptionCodeToHTTPStatus),
 * for the codes a read-only session can meet, so clients that branch on the status see what a
 * server would send. Every other code is 500, as there.
 */
final class HttpStatuses {

  // UNKNOWN_USER, WRONG_PASSWORD, AUTHENTICATION_FAILED, SET_NON_GRANTED_ROLE, ACCESS_DENIED
  private static final Set<Integer> FORBIDDEN = Set.of(192, 193, 516, 512, 497);
  // BAD_ARGUMENTS, CANNOT_PARSE_TEXT, CANNOT_PARSE_QUOTED_STRING, CANNOT_PARSE_DATE,
  // CANNOT_PARSE_DATETIME, CANNOT_PARSE_NUMBER, CANNOT_PARSE_UUID, CANNOT_COMPILE_REGEXP,
  // DUPLICATE_COLUMN, ILLEGAL_COLUMN, THERE_IS_NO_COLUMN, TOO_DEEP_AST, TOO_BIG_AST, SYNTAX_ERROR,
  // INCORRECT_DATA, TYPE_MISMATCH, VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
  private static final Set<Integer> BAD_REQUEST =
      Set.of(36, 6, 26, 38, 41, 72, 376, 427, 15, 44, 8, 167, 168, 62, 117, 53, 321);
  // UNKNOWN_TABLE, UNKNOWN_FUNCTION, UNKNOWN_IDENTIFIER, UNKNOWN_TYPE, UNKNOWN_STORAGE,
  // UNKNOWN_DATABASE, UNKNOWN_SETTING, UNKNOWN_AGGREGATE_FUNCTION, UNKNOWN_FORMAT,
  // UNKNOWN_DATABASE_ENGINE, UNKNOWN_ROLE
  private static final Set<Integer> NOT_FOUND =
      Set.of(60, 46, 47, 50, 56, 81, 115, 63, 73, 336, 511);

  private HttpStatuses() {}

  static int of(int code) {
    if (code == 194) { // REQUIRED_PASSWORD
      return 401;
    }
    if (FORBIDDEN.contains(code)) {
      return 403;
    }
    if (NOT_FOUND.contains(code)) {
      return 404;
    }
    if (BAD_REQUEST.contains(code)) {
      return 400;
    }
    return switch (code) {
      case 48 -> 501; // NOT_IMPLEMENTED
      case 209, 76, 439 -> 503; // SOCKET_TIMEOUT, CANNOT_OPEN_FILE, CANNOT_SCHEDULE_TASK
      case 159 -> 408; // TIMEOUT_EXCEEDED
      default -> 500;
    };
  }
}
