package io.activitytrail.alerts;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.schemas.filter.EventFilter;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One alert rule: {@code threshold} events matching {@code filter} within {@code window} (event
 * time: commit time), counted per {@code groupBy}; with {@code distinct}, the number of distinct
 * values of that key within the group instead. Once fired, further matches within {@code suppress}
 * add to the same alert and send nothing. Built by {@link RuleParser}, which validates it.
 *
 * @param id stable id: the database row's id, or {@code builtin:<name>} for the built-in pack
 * @param workspaceId the workspace of a workspace rule; null for a built-in (every workspace)
 * @param distinct null, or the key whose distinct values are counted (never {@code NONE})
 * @param detailAtLeast numeric details the event must reach, e.g. {@code rows: 10000} for a large
 *     export (a detail that is absent or not a number never reaches)
 * @param recipients email addresses and/or roles ({@code admin}, {@code owner})
 */
public record AlertRule(
    String id,
    String workspaceId,
    String name,
    boolean enabled,
    EventFilter filter,
    Map<String, BigDecimal> detailAtLeast,
    int threshold,
    Duration window,
    GroupBy groupBy,
    GroupBy distinct,
    Duration suppress,
    Severity severity,
    List<String> recipients,
    String description)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The roles a recipient may name instead of an address. */
  public static final Set<String> ROLES = Set.of("admin", "owner");

  /** Prefix of the built-in rules' ids. */
  public static final String BUILT_IN_PREFIX = "builtin:";

  public AlertRule {
    detailAtLeast = Map.copyOf(detailAtLeast);
    recipients = List.copyOf(recipients);
  }

  public boolean builtIn() {
    return id.startsWith(BUILT_IN_PREFIX);
  }

  /** Whether the event counts for this rule: the filter and every numeric detail condition. */
  public boolean matches(ActivityEvent event) {
    if (!filter.matches(event)) {
      return false;
    }
    for (Map.Entry<String, BigDecimal> condition : detailAtLeast.entrySet()) {
      BigDecimal value = number(event.getDetails().get(condition.getKey()));
      if (value == null || value.compareTo(condition.getValue()) < 0) {
        return false;
      }
    }
    return true;
  }

  private static BigDecimal number(String text) {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
