package io.activitytrail.flink.diff;

/**
 * One changed column in canonical text; a sensitive column carries no values.
 *
 * @param oldValue null when the column was null (or is sensitive)
 * @param newValue null when the column became null (or is sensitive)
 */
public record FieldDiff(String field, String oldValue, String newValue, boolean sensitive) {}
