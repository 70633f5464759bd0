package io.activitytrail.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A column that holds another row's id, and where that row's display name lives: {@code {column:
 * assignee_id, references: users, display: name}}, or, when the referenced table depends on another
 * column of the row, {@code {column: author_id, references_by: {column: direction, values:
 * {inbound: customers, outbound: users}}, display: name}}. Without {@code references} or {@code
 * references_by} the id is recorded without a name.
 *
 * @param references a mapped table, {@code table} (same schema as the referring table) or {@code
 *     schema.table}
 * @param referencesBy the referenced table chosen by a column's value (a value not listed: no name)
 * @param display the referenced table's column holding the display name
 */
public record Reference(String column, String references, ReferencesBy referencesBy, String display)
    implements Serializable {
  @JsonCreator
  public Reference(
      @JsonProperty(value = "column", required = true) String column,
      @JsonProperty("references") String references,
      @JsonProperty("references_by") ReferencesBy referencesBy,
      @JsonProperty("display") String display) {
    if (references != null && referencesBy != null) {
      throw new IllegalArgumentException(
          "reference of column " + column + " gives 'references' and 'references_by': pick one");
    }
    if ((references == null && referencesBy == null) != (display == null)) {
      throw new IllegalArgumentException(
          "reference of column "
              + column
              + " needs both 'references' (or 'references_by') and 'display', or neither");
    }
    this.column = column;
    this.references = references;
    this.referencesBy = referencesBy;
    this.display = display;
  }

  public Reference(String column, String references, String display) {
    this(column, references, null, display);
  }

  /**
   * The table holding the referenced row's name for this row, as {@code schema.table}; null when no
   * display is configured or the discriminator's value is not listed.
   *
   * @param text a column of the referring row as text
   */
  public String qualifiedTable(String referringSchema, Function<String, String> text) {
    if (references != null) {
      return qualify(referringSchema, references);
    }
    if (referencesBy == null) {
      return null;
    }
    String value = text.apply(referencesBy.column());
    String table = value == null ? null : referencesBy.values().get(value);
    return table == null ? null : qualify(referringSchema, table);
  }

  /** Every table this reference may name, as {@code schema.table}. */
  public List<String> qualifiedTables(String referringSchema) {
    if (references != null) {
      return List.of(qualify(referringSchema, references));
    }
    if (referencesBy == null) {
      return List.of();
    }
    return referencesBy.values().values().stream()
        .map(table -> qualify(referringSchema, table))
        .distinct()
        .sorted()
        .toList();
  }

  private static String qualify(String referringSchema, String table) {
    return table.contains(".") ? table : referringSchema + "." + table;
  }

  /**
   * The referenced table chosen by the value of another column of the row: {@code {column:
   * direction, values: {inbound: customers, outbound: users}}}.
   */
  public record ReferencesBy(String column, Map<String, String> values) implements Serializable {
    @JsonCreator
    public ReferencesBy(
        @JsonProperty(value = "column", required = true) String column,
        @JsonProperty(value = "values", required = true) Map<String, String> values) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException(
            "references_by of column " + column + " lists no values");
      }
      this.column = column;
      this.values = Map.copyOf(values);
    }
  }
}
