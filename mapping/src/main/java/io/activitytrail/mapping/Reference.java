package io.activitytrail.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * A column that holds another row's id, and where that row's display name lives: {@code {column:
 * assignee_id, references: users, display: name}}. Without {@code references} the id is recorded
 * without a name.
 *
 * @param references a mapped table, {@code table} (same schema as the referring table) or {@code
 *     schema.table}
 * @param display the referenced table's column holding the display name
 */
public record Reference(String column, String references, String display) implements Serializable {
  @JsonCreator
  public Reference(
      @JsonProperty(value = "column", required = true) String column,
      @JsonProperty("references") String references,
      @JsonProperty("display") String display) {
    if ((references == null) != (display == null)) {
      throw new IllegalArgumentException(
          "reference of column " + column + " needs both 'references' and 'display', or neither");
    }
    this.column = column;
    this.references = references;
    this.display = display;
  }

  /** The referenced table as {@code schema.table}, or null when no display is configured. */
  public String qualifiedTable(String referringSchema) {
    if (references == null) {
      return null;
    }
    return references.contains(".") ? references : referringSchema + "." + references;
  }
}
