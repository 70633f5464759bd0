package io.activitytrail.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where the platform keeps what notifications need (the {@code notifications} section of the
 * mapping): its team members (address, name, role), their notification preferences and who follows
 * which record. Each names a mapped table and its columns; the pipeline keeps them as state, in
 * commit order with the activities they govern.
 */
public record NotificationMapping(Users users, Preferences preferences, Followers followers)
    implements Serializable {

  @JsonCreator
  public NotificationMapping(
      @JsonProperty(value = "users", required = true) Users users,
      @JsonProperty(value = "preferences", required = true) Preferences preferences,
      @JsonProperty(value = "followers", required = true) Followers followers) {
    this.users = Objects.requireNonNull(users, "users");
    this.preferences = Objects.requireNonNull(preferences, "preferences");
    this.followers = Objects.requireNonNull(followers, "followers");
  }

  /**
   * Team members: only they are recipients (customers never are).
   *
   * @param adminRoles roles that receive audit types (failed logins, exports, role and setting
   *     changes); members never do, whatever their preferences say
   */
  public record Users(
      String table,
      String idColumn,
      String emailColumn,
      String nameColumn,
      String roleColumn,
      List<String> adminRoles)
      implements Serializable {
    @JsonCreator
    public Users(
        @JsonProperty(value = "table", required = true) String table,
        @JsonProperty("id_column") String idColumn,
        @JsonProperty(value = "email_column", required = true) String emailColumn,
        @JsonProperty("name_column") String nameColumn,
        @JsonProperty(value = "role_column", required = true) String roleColumn,
        @JsonProperty("admin_roles") List<String> adminRoles) {
      this.table = table;
      this.idColumn = idColumn == null ? "id" : idColumn;
      this.emailColumn = emailColumn;
      this.nameColumn = nameColumn;
      this.roleColumn = roleColumn;
      this.adminRoles = adminRoles == null ? List.of("owner", "admin") : List.copyOf(adminRoles);
    }
  }

  /** One row per (user, activity type or '*', scope) with the channels wanted. */
  public record Preferences(
      String table,
      String userColumn,
      String typeColumn,
      String scopeColumn,
      String inAppColumn,
      String emailColumn)
      implements Serializable {
    @JsonCreator
    public Preferences(
        @JsonProperty(value = "table", required = true) String table,
        @JsonProperty(value = "user_column", required = true) String userColumn,
        @JsonProperty(value = "type_column", required = true) String typeColumn,
        @JsonProperty(value = "scope_column", required = true) String scopeColumn,
        @JsonProperty(value = "in_app_column", required = true) String inAppColumn,
        @JsonProperty(value = "email_column", required = true) String emailColumn) {
      this.table = table;
      this.userColumn = userColumn;
      this.typeColumn = typeColumn;
      this.scopeColumn = scopeColumn;
      this.inAppColumn = inAppColumn;
      this.emailColumn = emailColumn;
    }
  }

  /** One row per (record, user following it). */
  public record Followers(
      String table, String userColumn, String recordTypeColumn, String recordIdColumn)
      implements Serializable {
    @JsonCreator
    public Followers(
        @JsonProperty(value = "table", required = true) String table,
        @JsonProperty(value = "user_column", required = true) String userColumn,
        @JsonProperty(value = "record_type_column", required = true) String recordTypeColumn,
        @JsonProperty(value = "record_id_column", required = true) String recordIdColumn) {
      this.table = table;
      this.userColumn = userColumn;
      this.recordTypeColumn = recordTypeColumn;
      this.recordIdColumn = recordIdColumn;
    }
  }

  /** Each section's table and the columns it names, for validation against the mapped tables. */
  Map<String, List<String>> columnsByTable() {
    return Map.of(
        "users: " + users.table(),
        Stream.of(users.idColumn(), users.emailColumn(), users.nameColumn(), users.roleColumn())
            .filter(Objects::nonNull)
            .toList(),
        "preferences: " + preferences.table(),
        List.of(
            preferences.userColumn(),
            preferences.typeColumn(),
            preferences.scopeColumn(),
            preferences.inAppColumn(),
            preferences.emailColumn()),
        "followers: " + followers.table(),
        List.of(followers.userColumn(), followers.recordTypeColumn(), followers.recordIdColumn()));
  }
}
