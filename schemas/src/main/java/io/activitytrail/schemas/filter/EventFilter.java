package io.activitytrail.schemas.filter;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.FieldChange;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which events a reader wants: the one definition of a filter, shared by the feed and the audit log
 * (as query parameters), exports (in their manifest) and alert rules (as JSON, {@link
 * EventFilterJson}). Every present key must hold and any of a key's values may match; an empty set
 * or a null bound means no condition on that key. Pure: {@link #matches} looks only at the event.
 *
 * <p>{@code field}, {@code old} and {@code new} describe one changed field together: an event
 * matches when one of its changes has such a name, such an old value and such a new value (the keys
 * present). A sensitive change never matches {@code old}/{@code new}: its values are not shown, so
 * a filter must not reveal them by what it selects either.
 *
 * @param outcomes {@link #FAILURE} (the type ends with {@code _failed}) and/or {@link #SUCCESS}
 *     (any other type); both mean no condition and are kept as none
 * @param from inclusive commit-time bound
 * @param to exclusive commit-time bound
 */
public record EventFilter(
    Set<String> types,
    Set<String> actors,
    Set<String> recordTypes,
    Set<String> outcomes,
    Set<String> ips,
    Instant from,
    Instant to,
    Set<String> fields,
    Set<String> olds,
    Set<String> news)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";

  /** The JSON keys, which are also the API's query parameter names, in their documented order. */
  public static final List<String> KEYS =
      List.of("type", "actor", "record_type", "outcome", "ip", "from", "to", "field", "old", "new");

  /** Matches every event. */
  public static final EventFilter ALL =
      new EventFilter(
          Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, Set.of(), Set.of(),
          Set.of());

  public EventFilter {
    types = copy(types, "type");
    actors = copy(actors, "actor");
    recordTypes = copy(recordTypes, "record_type");
    outcomes = copy(outcomes, "outcome");
    for (String outcome : outcomes) {
      if (!SUCCESS.equals(outcome) && !FAILURE.equals(outcome)) {
        throw new InvalidFilterException(
            "outcome", "outcome must be success or failure, got '" + outcome + "'");
      }
    }
    if (outcomes.size() == 2) {
      outcomes = Collections.emptySortedSet();
    }
    ips = copy(ips, "ip");
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidFilterException("from", "from (" + from + ") is after to (" + to + ")");
    }
    fields = copy(fields, "field");
    olds = copy(olds, "old");
    news = copy(news, "new");
  }

  /** Whether the event is one this filter selects. */
  public boolean matches(ActivityEvent event) {
    return anyOf(types, event.getType())
        && anyOf(actors, event.getActor().getId())
        && anyOf(recordTypes, event.getRecordType())
        && outcomeMatches(event.getType())
        && anyOf(ips, event.getActor().getIp())
        && (from == null || !event.getOccurredAt().isBefore(from))
        && (to == null || event.getOccurredAt().isBefore(to))
        && changeMatches(event.getChanges());
  }

  /** Whether {@code field}, {@code old} or {@code new} is present. */
  public boolean hasChangeCondition() {
    return !fields.isEmpty() || !olds.isEmpty() || !news.isEmpty();
  }

  /** The same filter with other time bounds (a page or export narrowing a rule's filter). */
  public EventFilter during(Instant newFrom, Instant newTo) {
    return new EventFilter(
        types, actors, recordTypes, outcomes, ips, newFrom, newTo, fields, olds, news);
  }

  private boolean outcomeMatches(String type) {
    if (outcomes.isEmpty()) {
      return true;
    }
    return outcomes.contains(type.endsWith("_failed") ? FAILURE : SUCCESS);
  }

  private boolean changeMatches(List<FieldChange> changes) {
    if (!hasChangeCondition()) {
      return true;
    }
    for (FieldChange change : changes) {
      boolean valuesShown = !change.getSensitive() || (olds.isEmpty() && news.isEmpty());
      if (valuesShown
          && anyOf(fields, change.getField())
          && anyOf(olds, change.getOld())
          && anyOf(news, change.getNew$())) {
        return true;
      }
    }
    return false;
  }

  /** No values: anything; otherwise the value must be present and one of them. */
  private static boolean anyOf(Set<String> values, CharSequence value) {
    return values.isEmpty() || (value != null && values.contains(value.toString()));
  }

  private static SortedSet<String> copy(Collection<String> values, String key) {
    if (values == null) {
      return Collections.emptySortedSet();
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String value : values) {
      if (value == null) {
        throw new InvalidFilterException(key, key + " must not hold null");
      }
      sorted.add(value);
    }
    // Sorted so that the JSON form and equality do not depend on the order values were given in.
    return Collections.unmodifiableSortedSet(sorted);
  }
}
