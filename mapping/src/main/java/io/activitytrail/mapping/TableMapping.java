package io.activitytrail.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How one table's row changes become activities.
 *
 * @param recordType the record the activities are about (ticket, asset, customer, team_member,
 *     file, workspace)
 * @param category activity (timelines and feed) or audit (administrators' log)
 * @param key primary key columns: part of the event id
 * @param recordIdColumn the column naming the record; a comment's record is its ticket
 * @param display template such as {@code #{number} {subject}}; {@code {column}} is replaced
 * @param ignoredColumns never diffed (e.g. updated_at): an update touching only them yields nothing
 * @param sensitiveColumns diffed, but values are never shown
 * @param assignee the assignee column and where an assignee's display name comes from
 * @param fallbackActor names the actor when the transaction carried no context, but only if the
 *     change itself set it; its reference gives the actor's name
 * @param retentionColumn on the workspaces table: the plan's retention in days, stamped on every
 *     later event of that workspace
 * @param softDeleteColumn set means deleted, cleared means restored
 * @param createdTypeBy the created activity's type taken from a column (a message's direction)
 * @param details detail name to column, copied into the activity's details
 * @param names detail name to a reference: the referenced row's display name as it was when the
 *     change was committed, put into the activity's details (a message's {@code author_name})
 * @param auditColumns column to audit activity type (users.role: role_changed)
 * @param createdOmittedColumns columns a created activity does not list among its initial values,
 *     beyond those it never lists (see {@link #omittedOnCreate()})
 * @param columns the table's columns; when given, every column named above must be one of them
 */
public record TableMapping(
    String recordType,
    String category,
    List<String> key,
    String recordIdColumn,
    String workspaceColumn,
    String display,
    String statusColumn,
    Reference assignee,
    Parent parent,
    List<String> ignoredColumns,
    List<String> sensitiveColumns,
    Reference fallbackActor,
    String softDeleteColumn,
    String retentionColumn,
    Types types,
    TypeByColumn createdTypeBy,
    Map<String, String> details,
    Map<String, Reference> names,
    Map<String, String> auditColumns,
    List<String> createdOmittedColumns,
    List<String> columns)
    implements Serializable {

  @JsonCreator
  public TableMapping(
      @JsonProperty(value = "record_type", required = true) String recordType,
      @JsonProperty("category") String category,
      @JsonProperty("key") List<String> key,
      @JsonProperty("record_id_column") String recordIdColumn,
      @JsonProperty(value = "workspace_column", required = true) String workspaceColumn,
      @JsonProperty("display") String display,
      @JsonProperty("status_column") String statusColumn,
      @JsonProperty("assignee") Reference assignee,
      @JsonProperty("parent") Parent parent,
      @JsonProperty("ignored_columns") List<String> ignoredColumns,
      @JsonProperty("sensitive_columns") List<String> sensitiveColumns,
      @JsonProperty("fallback_actor") Reference fallbackActor,
      @JsonProperty("soft_delete_column") String softDeleteColumn,
      @JsonProperty("retention_column") String retentionColumn,
      @JsonProperty("types") Types types,
      @JsonProperty("created_type_by") TypeByColumn createdTypeBy,
      @JsonProperty("details") Map<String, String> details,
      @JsonProperty("names") Map<String, Reference> names,
      @JsonProperty("audit_columns") Map<String, String> auditColumns,
      @JsonProperty("created_omitted_columns") List<String> createdOmittedColumns,
      @JsonProperty("columns") List<String> columns) {
    this.recordType = Objects.requireNonNull(recordType, "record_type");
    this.category = category == null ? "activity" : category;
    this.key = key == null || key.isEmpty() ? List.of("id") : List.copyOf(key);
    this.recordIdColumn = recordIdColumn == null ? this.key.get(0) : recordIdColumn;
    this.workspaceColumn = Objects.requireNonNull(workspaceColumn, "workspace_column");
    this.display = display;
    this.statusColumn = statusColumn;
    this.assignee = assignee;
    this.parent = parent;
    this.ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
    this.sensitiveColumns = sensitiveColumns == null ? List.of() : List.copyOf(sensitiveColumns);
    this.fallbackActor = fallbackActor;
    this.softDeleteColumn = softDeleteColumn;
    this.retentionColumn = retentionColumn;
    this.types = types == null ? Types.DEFAULT : types;
    this.createdTypeBy = createdTypeBy;
    this.details = details == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(details));
    this.names = names == null ? Map.of() : Map.copyOf(names);
    this.auditColumns = auditColumns == null ? Map.of() : Map.copyOf(auditColumns);
    this.createdOmittedColumns =
        createdOmittedColumns == null ? List.of() : List.copyOf(createdOmittedColumns);
    this.columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /**
   * The columns a created activity leaves out of its initial values: the identity of the row and of
   * what it belongs to (key, workspace, record id, parent columns), which the event already says as
   * ids, and {@link #createdOmittedColumns}.
   */
  public Set<String> omittedOnCreate() {
    Set<String> omitted = new LinkedHashSet<>(key);
    omitted.add(workspaceColumn);
    omitted.add(recordIdColumn);
    if (parent != null) {
      Stream.of(parent.recordTypeColumn(), parent.idColumn())
          .filter(Objects::nonNull)
          .forEach(omitted::add);
    }
    omitted.addAll(createdOmittedColumns);
    return omitted;
  }

  /** Every column this mapping refers to, for validation against {@link #columns()}. */
  public List<String> referencedColumns() {
    List<String> referenced = new ArrayList<>(key);
    Stream.of(
            recordIdColumn,
            workspaceColumn,
            statusColumn,
            assigneeColumn(),
            fallbackActorColumn(),
            softDeleteColumn,
            retentionColumn)
        .filter(Objects::nonNull)
        .forEach(referenced::add);
    if (parent != null) {
      Stream.of(parent.recordTypeColumn(), parent.idColumn())
          .filter(Objects::nonNull)
          .forEach(referenced::add);
    }
    if (createdTypeBy != null) {
      referenced.add(createdTypeBy.column());
    }
    referenced.addAll(ignoredColumns);
    referenced.addAll(sensitiveColumns);
    referenced.addAll(details.values());
    for (Reference name : names.values()) {
      referenced.add(name.column());
      if (name.referencesBy() != null) {
        referenced.add(name.referencesBy().column());
      }
    }
    referenced.addAll(auditColumns.keySet());
    referenced.addAll(createdOmittedColumns);
    referenced.addAll(DisplayTemplate.columns(display));
    return referenced;
  }

  public String assigneeColumn() {
    return assignee == null ? null : assignee.column();
  }

  public String fallbackActorColumn() {
    return fallbackActor == null ? null : fallbackActor.column();
  }

  /**
   * Whether each row is a record of its own (a ticket), not a child of one (a ticket's message).
   */
  public boolean rowsAreRecords() {
    return recordIdColumn.equals(key.get(0)) && key.size() == 1;
  }

  /**
   * The record a child row belongs to: a fixed record type or one read from a column, and the
   * column holding its id.
   */
  public record Parent(String recordType, String recordTypeColumn, String idColumn)
      implements Serializable {
    @JsonCreator
    public Parent(
        @JsonProperty("record_type") String recordType,
        @JsonProperty("record_type_column") String recordTypeColumn,
        @JsonProperty(value = "id_column", required = true) String idColumn) {
      if ((recordType == null) == (recordTypeColumn == null)) {
        throw new IllegalArgumentException(
            "parent needs exactly one of record_type and record_type_column");
      }
      this.recordType = recordType;
      this.recordTypeColumn = recordTypeColumn;
      this.idColumn = idColumn;
    }
  }

  /** The activity types for a table's lifecycle; a comments table creates comment_added. */
  public record Types(String created, String updated, String deleted, String restored)
      implements Serializable {
    static final Types DEFAULT = new Types("created", "updated", "deleted", "restored");

    @JsonCreator
    public Types(
        @JsonProperty("created") String created,
        @JsonProperty("updated") String updated,
        @JsonProperty("deleted") String deleted,
        @JsonProperty("restored") String restored) {
      this.created = created == null ? "created" : created;
      this.updated = updated == null ? "updated" : updated;
      this.deleted = deleted == null ? "deleted" : deleted;
      this.restored = restored == null ? "restored" : restored;
    }
  }

  /** An activity type chosen by a column's value; values not listed fall back to the default. */
  public record TypeByColumn(String column, Map<String, String> values) implements Serializable {
    @JsonCreator
    public TypeByColumn(
        @JsonProperty(value = "column", required = true) String column,
        @JsonProperty(value = "values", required = true) Map<String, String> values) {
      this.column = column;
      this.values = Map.copyOf(values);
    }
  }
}
