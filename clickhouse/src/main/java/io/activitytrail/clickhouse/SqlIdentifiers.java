package io.activitytrail.clickhouse;

import java.util.regex.Pattern;

/** Database and table names that are pasted into SQL text, so they are checked first. */
public final class SqlIdentifiers {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private SqlIdentifiers() {}

  /** Returns {@code name} when it is a plain identifier, else explains what is wrong. */
  public static String require(String name, String what) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " must be a plain identifier (letters, digits, underscore; not starting with a digit;"
              + " at most 63 characters), got: "
              + name);
    }
    return name;
  }
}
