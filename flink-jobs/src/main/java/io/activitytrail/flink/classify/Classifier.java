package io.activitytrail.flink.classify;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.diff.FieldDiff;
import io.activitytrail.flink.diff.FieldDiffer;
import io.activitytrail.flink.reference.References;
import io.activitytrail.mapping.DisplayTemplate;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.mapping.Reference;
import io.activitytrail.mapping.TableMapping;
import io.activitytrail.schemas.context.ActorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Row change + mapping + actor context to the activities it implies.
 *
 * <table>
 *   <caption>op to activities</caption>
 *   <tr><th>op</th><th>activities</th></tr>
 *   <tr><td>c, r</td><td>created (or the table's created type, or one chosen by a column), with the
 *       initial values as changes (old null; null values, ignored columns left out)</td></tr>
 *   <tr><td>d</td><td>deleted (or the table's deleted type)</td></tr>
 *   <tr><td>u</td><td>deleted/restored (soft-delete column set/cleared), status_changed, assigned,
 *       one per audit column, then updated for the remaining changed columns; nothing when only
 *       ignored columns changed</td></tr>
 * </table>
 *
 * All activities of one change share its change id; event ids add the activity's index. A child row
 * (a ticket's message) shows its record's display as last seen; an assignee change carries the old
 * and new assignee's names as last seen; a fallback actor and the table's named references (a
 * message's author) get their names the same way.
 */
public final class Classifier implements java.io.Serializable {
  public static final String STATUS_CHANGED = "status_changed";
  public static final String ASSIGNED = "assigned";

  private final Mapping mapping;

  public Classifier(Mapping mapping) {
    this.mapping = mapping;
  }

  public List<ActivityEvent> classify(
      RowChange change, ActorContext context, References references, Instant processedAt) {
    TableMapping table =
        mapping
            .table(change.schema(), change.table())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        change.qualifiedTable() + " passed decoding unmapped"));
    List<Draft> drafts =
        switch (change.op()) {
          case CREATE, READ ->
              List.of(
                  new Draft(
                      createdType(table, change.after()), table, initialValues(change, table)));
          case DELETE -> List.of(new Draft(table.types().deleted(), table, List.of()));
          case UPDATE -> updateDrafts(change, table);
        };
    Actor actor = ActorResolver.resolve(change, table, context, references);
    String primaryKey =
        table.key().stream()
            .map(column -> change.current().get(column).text())
            .collect(Collectors.joining(","));
    String changeId =
        EventIds.changeId(change.connector(), change.lsn(), change.qualifiedTable(), primaryKey);
    Map<String, ColumnValue> row = change.current();
    String recordId = row.get(table.recordIdColumn()).text();
    String parentType = parentType(table, row);
    String parentId = table.parent() == null ? null : text(row, table.parent().idColumn());
    String display =
        table.display() != null
            ? DisplayTemplate.render(
                table.display(),
                column -> ColumnValue.textIn(change.currentWithUnsentFromBefore(), column))
            : references.recordDisplay(table.recordType(), recordId);
    Map<String, String> details = details(table, row);
    details.putAll(names(change, table, references));
    String parentDisplay = parentId == null ? null : references.recordDisplay(parentType, parentId);
    if (parentDisplay != null) {
      details.put("parent_display", parentDisplay);
    }
    String assigneeTable = assigneeTable(change, table, row);
    List<ActivityEvent> events = new ArrayList<>(drafts.size());
    for (int index = 0; index < drafts.size(); index++) {
      Draft draft = drafts.get(index);
      events.add(
          ActivityEvent.newBuilder()
              .setEventId(
                  EventIds.eventId(
                      change.connector(), change.lsn(), change.qualifiedTable(), primaryKey, index))
              .setChangeId(changeId)
              .setWorkspaceId(row.get(table.workspaceColumn()).text())
              .setOccurredAt(Instant.ofEpochMilli(change.commitTimeMillis()))
              .setProcessedAt(processedAt)
              .setCategory(Category.valueOf(draft.category()))
              .setType(draft.type())
              .setRecordType(table.recordType())
              .setRecordId(recordId)
              .setRecordDisplay(display)
              .setParentRecordType(parentType)
              .setParentRecordId(parentId)
              .setActor(actor)
              .setChanges(
                  draft.changes().stream()
                      .map(diff -> fieldChange(diff, table, assigneeTable, references))
                      .collect(Collectors.toCollection(ArrayList::new)))
              .setDetails(new HashMap<>(details))
              .setTransactionId(change.transactionId())
              .setSource(
                  SourcePosition.newBuilder()
                      .setConnector(change.connector())
                      .setSchema$(change.schema())
                      .setTable(change.table())
                      .setLsn(change.lsn())
                      .setTxOrder(change.txOrder())
                      .setTopic(change.source().topic())
                      .setPartition(change.source().partition())
                      .setOffset(change.source().offset())
                      .build())
              .build());
    }
    return events;
  }

  private static List<Draft> updateDrafts(RowChange change, TableMapping table) {
    List<FieldDiff> diffs =
        FieldDiffer.diff(
            change.before(), change.after(), table.ignoredColumns(), table.sensitiveColumns());
    Map<String, FieldDiff> byColumn = new LinkedHashMap<>();
    diffs.forEach(diff -> byColumn.put(diff.field(), diff));
    List<Draft> drafts = new ArrayList<>();

    FieldDiff softDelete = byColumn.get(table.softDeleteColumn());
    if (softDelete != null && (softDelete.oldValue() == null) != (softDelete.newValue() == null)) {
      String type =
          softDelete.oldValue() == null ? table.types().deleted() : table.types().restored();
      drafts.add(new Draft(type, table, List.of(byColumn.remove(table.softDeleteColumn()))));
    }
    FieldDiff status = byColumn.remove(table.statusColumn());
    if (status != null) {
      drafts.add(new Draft(STATUS_CHANGED, table, List.of(status)));
    }
    FieldDiff assignee = byColumn.remove(table.assigneeColumn());
    if (assignee != null) {
      drafts.add(new Draft(ASSIGNED, table, List.of(assignee)));
    }
    table
        .auditColumns()
        .forEach(
            (column, type) -> {
              FieldDiff diff = byColumn.remove(column);
              if (diff != null) {
                drafts.add(new Draft(type, "audit", List.of(diff)));
              }
            });
    // The fallback actor column only says who did the typed change above: no Updated of its own.
    String fallback = table.fallbackActorColumn();
    if (!drafts.isEmpty() && byColumn.size() == 1 && byColumn.containsKey(fallback)) {
      byColumn.clear();
    }
    if (!byColumn.isEmpty()) {
      drafts.add(new Draft(table.types().updated(), table, new ArrayList<>(byColumn.values())));
    }
    return drafts;
  }

  /**
   * A new row's values as changes from nothing, so a timeline shows what it started as; the row's
   * identity columns (key, workspace, record and parent ids) are left out: the event names them.
   */
  private static List<FieldDiff> initialValues(RowChange change, TableMapping table) {
    List<String> left = new ArrayList<>(table.ignoredColumns());
    left.addAll(table.omittedOnCreate());
    return FieldDiffer.diff(Map.of(), change.after(), left, table.sensitiveColumns());
  }

  private static String assigneeTable(
      RowChange change, TableMapping table, Map<String, ColumnValue> row) {
    Reference assignee = table.assignee();
    return assignee == null
        ? null
        : assignee.qualifiedTable(change.schema(), column -> text(row, column));
  }

  /**
   * The table's named references ({@code author_name}) as the referenced rows' display names as
   * last seen; a reference with no id, no table for its discriminator or no known name is left out.
   */
  private static Map<String, String> names(
      RowChange change, TableMapping table, References references) {
    Map<String, String> names = new HashMap<>();
    Map<String, ColumnValue> row = change.currentWithUnsentFromBefore();
    table
        .names()
        .forEach(
            (detail, reference) -> {
              String id = text(row, reference.column());
              String target =
                  reference.qualifiedTable(change.schema(), column -> text(row, column));
              String name =
                  id == null || target == null
                      ? null
                      : references.display(target, reference.display(), id);
              if (name != null) {
                names.put(detail, name);
              }
            });
    return names;
  }

  private static String createdType(TableMapping table, Map<String, ColumnValue> row) {
    if (table.createdTypeBy() != null) {
      String value = text(row, table.createdTypeBy().column());
      String type = value == null ? null : table.createdTypeBy().values().get(value);
      if (type != null) {
        return type;
      }
    }
    return table.types().created();
  }

  private static String parentType(TableMapping table, Map<String, ColumnValue> row) {
    if (table.parent() == null) {
      return null;
    }
    return table.parent().recordType() != null
        ? table.parent().recordType()
        : text(row, table.parent().recordTypeColumn());
  }

  private static Map<String, String> details(TableMapping table, Map<String, ColumnValue> row) {
    Map<String, String> details = new HashMap<>();
    table
        .details()
        .forEach(
            (name, column) -> {
              String value = text(row, column);
              if (value != null) {
                details.put(name, value);
              }
            });
    return details;
  }

  private static String text(Map<String, ColumnValue> row, String column) {
    ColumnValue value = row.get(column);
    return value == null ? null : value.text();
  }

  private static FieldChange fieldChange(
      FieldDiff diff, TableMapping table, String assigneeTable, References references) {
    FieldChange.Builder change =
        FieldChange.newBuilder()
            .setField(diff.field())
            .setOld(diff.oldValue())
            .setNew$(diff.newValue())
            .setSensitive(diff.sensitive());
    if (assigneeTable != null && diff.field().equals(table.assigneeColumn())) {
      String column = table.assignee().display();
      change.setOldDisplay(
          diff.oldValue() == null
              ? null
              : references.display(assigneeTable, column, diff.oldValue()));
      change.setNewDisplay(
          diff.newValue() == null
              ? null
              : references.display(assigneeTable, column, diff.newValue()));
    }
    return change.build();
  }

  private record Draft(String type, String category, List<FieldDiff> changes) {
    Draft(String type, TableMapping table, List<FieldDiff> changes) {
      this(type, table.category(), changes);
    }
  }
}
