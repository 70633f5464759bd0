package io.activitytrail.mapping;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which captured tables become which records, read from a mapping YAML file (see {@code
 * mapping/helpdesk.yaml}).
 *
 * @param tables keyed by {@code schema.table}
 * @param feedAuditTypes audit event types that are also team actions in the workspace feed: each
 *     yields an audit event and an activity
 * @param eventTypes the platform's own {@code trail.event} types beyond the built-in ones ({@link
 *     io.activitytrail.schemas.context.AuditEvent#BUILT_IN_TYPES}), so they can be filtered on
 * @param notifications where users, preferences and followers live; null: no notifications
 */
public record Mapping(
    Map<String, TableMapping> tables,
    Set<String> feedAuditTypes,
    Set<String> eventTypes,
    NotificationMapping notifications)
    implements Serializable {
  public static final Set<String> DEFAULT_FEED_AUDIT_TYPES =
      Set.of("login_succeeded", "role_changed", "setting_changed");

  public Mapping {
    tables = Map.copyOf(tables == null ? Map.of() : tables);
    feedAuditTypes = Set.copyOf(feedAuditTypes == null ? DEFAULT_FEED_AUDIT_TYPES : feedAuditTypes);
    eventTypes = Set.copyOf(eventTypes == null ? Set.of() : eventTypes);
  }

  public Mapping(Map<String, TableMapping> tables) {
    this(tables, null, null, null);
  }

  /** The notification section, when the mapping has one. */
  public Optional<NotificationMapping> notificationMapping() {
    return Optional.ofNullable(notifications);
  }

  /** The types and record types this mapping's events can have. */
  public Taxonomy taxonomy() {
    return Taxonomy.of(this);
  }

  public Optional<TableMapping> table(String schema, String table) {
    return Optional.ofNullable(tables.get(schema + "." + table));
  }

  public String tableNames() {
    return String.join(", ", new TreeMap<>(tables).keySet());
  }

  /**
   * The display columns other tables look up by id ({@code helpdesk.users -> [name]}): the job
   * remembers their values as rows change, so a reference shows the name it had at the time.
   */
  public Map<String, Set<String>> referencedDisplays() {
    Map<String, Set<String>> displays = new TreeMap<>();
    tables.forEach(
        (name, table) ->
            references(table)
                .forEach(
                    reference ->
                        reference
                            .qualifiedTables(schemaOf(name))
                            .forEach(
                                target ->
                                    displays
                                        .computeIfAbsent(target, t -> new TreeSet<>())
                                        .add(reference.display()))));
    return displays;
  }

  /** The table's references: assignee, fallback actor and named details. */
  static Stream<Reference> references(TableMapping table) {
    return Stream.concat(
            Stream.of(table.assignee(), table.fallbackActor()), table.names().values().stream())
        .filter(r -> r != null);
  }

  static String schemaOf(String qualifiedTable) {
    return qualifiedTable.substring(0, qualifiedTable.indexOf('.'));
  }
}
