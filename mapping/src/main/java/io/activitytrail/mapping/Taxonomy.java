package io.activitytrail.mapping;

import io.activitytrail.schemas.context.AuditEvent;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The types and record types events can have under a mapping: what the normalizer can produce from
 * the mapped tables, plus the {@code trail.event} types (built in, and the mapping's {@code
 * event_types}). The API answers 400 to a filter outside it: a typo would otherwise silently match
 * nothing.
 *
 * @param activityTypes types of category {@code activity} (feed copies of team actions included)
 * @param auditTypes types of category {@code audit}
 */
public record Taxonomy(Set<String> activityTypes, Set<String> auditTypes, Set<String> recordTypes)
    implements Serializable {

  /** A change of the mapped status column. */
  public static final String STATUS_CHANGED = "status_changed";

  /** A change of the mapped assignee column. */
  public static final String ASSIGNED = "assigned";

  public Taxonomy {
    activityTypes = Set.copyOf(activityTypes);
    auditTypes = Set.copyOf(auditTypes);
    recordTypes = Set.copyOf(recordTypes);
  }

  /** The audit event of an alert rule's condition met: written by the job itself, not mapped. */
  public static final String ALERT_FIRED = "alert_fired";

  static Taxonomy of(Mapping mapping) {
    Set<String> activity = new TreeSet<>();
    Set<String> audit = new TreeSet<>(AuditEvent.BUILT_IN_TYPES);
    audit.add(ALERT_FIRED);
    audit.addAll(mapping.eventTypes());
    Set<String> records = new TreeSet<>();
    for (TableMapping table : mapping.tables().values()) {
      records.add(table.recordType());
      Set<String> rowTypes = "audit".equals(table.category()) ? audit : activity;
      TableMapping.Types types = table.types();
      rowTypes.addAll(List.of(types.created(), types.updated(), types.deleted()));
      if (table.softDeleteColumn() != null) {
        rowTypes.add(types.restored());
      }
      if (table.createdTypeBy() != null) {
        rowTypes.addAll(table.createdTypeBy().values().values());
      }
      if (table.statusColumn() != null) {
        rowTypes.add(STATUS_CHANGED);
      }
      if (table.assignee() != null) {
        rowTypes.add(ASSIGNED);
      }
      audit.addAll(table.auditColumns().values());
    }
    // Team actions (a login, a role change) are also activities: the feed shows their copies.
    for (String type : mapping.feedAuditTypes()) {
      if (audit.contains(type)) {
        activity.add(type);
      }
    }
    return new Taxonomy(activity, audit, records);
  }

  /** Every type, of either category. */
  public Set<String> types() {
    Set<String> all = new TreeSet<>(activityTypes);
    all.addAll(auditTypes);
    return all;
  }
}
