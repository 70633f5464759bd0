package io.activitytrail.api;

import java.util.Set;

/**
 * The types and record types a request may filter on (docs/event-contract.md, the product's
 * activity taxonomy). A filter value outside them is a caller's mistake (a typo would otherwise
 * silently match nothing), so the API answers 400.
 */
public record Taxonomy(Set<String> types, Set<String> recordTypes) {

  public static final Taxonomy DEFAULT =
      new Taxonomy(
          Set.of(
              // activities
              "created",
              "updated",
              "deleted",
              "restored",
              "assigned",
              "status_changed",
              "comment_added",
              "file_attached",
              "file_deleted",
              "message_received",
              "message_sent",
              // audit events
              "login_succeeded",
              "login_failed",
              "role_changed",
              "setting_changed",
              "data_exported",
              "file_downloaded",
              "record_viewed"),
          Set.of("ticket", "asset", "customer", "team_member", "file", "workspace"));

  public Taxonomy {
    types = Set.copyOf(types);
    recordTypes = Set.copyOf(recordTypes);
  }
}
