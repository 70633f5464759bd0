package io.activitytrail.clickhouse;

import io.activitytrail.schemas.filter.EventFilter;

/**
 * {@link EventFilter} as conditions on a page table, values bound as parameters: the SQL side of
 * the one filter definition, so a page and {@link EventFilter#matches} select the same events
 * ({@code EventFilterParityTest}). Pure.
 *
 * <p>The actor is left to the caller, who picks the table by it (one actor has its own page table).
 * The changes live only in the page tables' JSON {@code payload}: a change condition reads it,
 * which costs a JSON parse per row the other conditions let through.
 */
final class EventFilterSql {

  private EventFilterSql() {}

  static KeysetSelect apply(KeysetSelect select, EventFilter filter) {
    select
        .whereIn("type", "types", filter.types())
        .whereIn("record_type", "record_types", filter.recordTypes());
    if (filter.outcomes().contains(EventFilter.FAILURE)) {
      select.where("endsWith(type, '_failed')");
    } else if (filter.outcomes().contains(EventFilter.SUCCESS)) {
      select.where("NOT endsWith(type, '_failed')");
    }
    if (!filter.ips().isEmpty()) {
      // actor_ip is Nullable: an event without an ip is never one of the given ones.
      select.where(
          "ifNull(has({ips:Array(String)}, actor_ip), 0)", "ips", filter.ips().stream().toList());
    }
    if (filter.hasChangeCondition()) {
      select.where(changeCondition(select, filter));
    }
    return select.during(filter.from(), filter.to());
  }

  /** One change (an element of payload's {@code changes}) must satisfy every present key. */
  private static String changeCondition(KeysetSelect select, EventFilter filter) {
    StringBuilder c = new StringBuilder("1");
    if (!filter.fields().isEmpty()) {
      c.append(" AND has({fields:Array(String)}, JSONExtractString(c, 'field'))");
      select.parameter("fields", filter.fields().stream().toList());
    }
    if (!filter.olds().isEmpty() || !filter.news().isEmpty()) {
      // A hidden value must not be revealed by what a filter on it selects.
      c.append(" AND NOT JSONExtractBool(c, 'sensitive')");
    }
    if (!filter.olds().isEmpty()) {
      // A null (sensitive or absent) value is JSON null: it never equals a given value.
      c.append(" AND JSONType(c, 'old') = 'String'")
          .append(" AND has({olds:Array(String)}, JSONExtractString(c, 'old'))");
      select.parameter("olds", filter.olds().stream().toList());
    }
    if (!filter.news().isEmpty()) {
      c.append(" AND JSONType(c, 'new') = 'String'")
          .append(" AND has({news:Array(String)}, JSONExtractString(c, 'new'))");
      select.parameter("news", filter.news().stream().toList());
    }
    return "arrayExists(c -> " + c + ", JSONExtractArrayRaw(payload, 'changes'))";
  }
}
