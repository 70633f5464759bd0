package io.activitytrail.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and validates mapping YAML files. */
public final class MappingLoader {
  /** Where the reference helpdesk mapping ships, as a {@code mapping.file} value. */
  public static final String BUNDLED = "classpath:mapping/helpdesk.yaml";

  private static final Set<String> CATEGORIES = Set.of("activity", "audit");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private MappingLoader() {}

  /** Loads {@code classpath:<resource>} or a file path. */
  public static Mapping load(String location) {
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length());
      try (InputStream in = MappingLoader.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new MappingException("mapping " + location + " not found on the classpath");
        }
        return parse(in, location);
      } catch (IOException e) {
        throw new MappingException("cannot read mapping " + location + ": " + e.getMessage(), e);
      }
    }
    Path path = Path.of(location);
    try (InputStream in = Files.newInputStream(path)) {
      return parse(in, path.toString());
    } catch (IOException e) {
      throw new MappingException("cannot read mapping file " + path + ": " + e, e);
    }
  }

  /** Parses and validates; {@code name} is used in error messages. */
  public static Mapping parse(InputStream in, String name) throws IOException {
    MappingFile file;
    try {
      file = YAML.readValue(in, MappingFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new MappingException(
          String.format(
              "mapping %s, %s: unknown key '%s' (%s); valid keys there: %s",
              name,
              where(e.getLocation()),
              e.getPropertyName(),
              dotted(e),
              new java.util.TreeSet<>(
                  e.getKnownPropertyIds().stream().map(String::valueOf).toList())),
          e);
    } catch (JsonMappingException e) {
      throw new MappingException(
          String.format(
              "mapping %s, %s: %s (at %s)",
              name, where(e.getLocation()), e.getOriginalMessage(), dotted(e)),
          e);
    }
    if (file == null || file.tables() == null || file.tables().isEmpty()) {
      throw new MappingException("mapping " + name + ": no 'tables' given");
    }
    List<String> problems = new ArrayList<>();
    file.tables().forEach((table, mapping) -> validate(table, mapping, problems));
    file.tables()
        .forEach((table, mapping) -> validateReferences(table, mapping, file.tables(), problems));
    if (file.notifications() != null) {
      validateNotifications(file.notifications(), file.tables(), problems);
    }
    if (!problems.isEmpty()) {
      throw new MappingException("mapping " + name + ": " + String.join("; ", problems));
    }
    return new Mapping(
        file.tables(),
        file.feedAuditTypes() == null ? null : new java.util.TreeSet<>(file.feedAuditTypes()),
        file.eventTypes() == null ? null : new java.util.TreeSet<>(file.eventTypes()),
        file.notifications());
  }

  /** A reference must name a mapped table, and a display column that table has. */
  private static void validateReferences(
      String table, TableMapping mapping, Map<String, TableMapping> all, List<String> problems) {
    if (!table.contains(".")) {
      return;
    }
    Mapping.references(mapping)
        .forEach(
            reference -> {
              String where = "tables." + table + " reference of column " + reference.column();
              for (String target : reference.qualifiedTables(Mapping.schemaOf(table))) {
                TableMapping referenced = all.get(target);
                if (referenced == null) {
                  problems.add(where + ": " + target + " is not a mapped table");
                } else if (!referenced.columns().isEmpty()
                    && !referenced.columns().contains(reference.display())) {
                  problems.add(
                      where
                          + ": display column '"
                          + reference.display()
                          + "' is not in the 'columns' list of "
                          + target);
                }
              }
            });
  }

  /** Each notification section names a mapped table and columns that table lists. */
  private static void validateNotifications(
      NotificationMapping notifications, Map<String, TableMapping> all, List<String> problems) {
    notifications
        .columnsByTable()
        .forEach(
            (section, columns) -> {
              String table = section.substring(section.indexOf(": ") + 2);
              TableMapping mapped = all.get(table);
              String where = "notifications." + section.substring(0, section.indexOf(':'));
              if (mapped == null) {
                problems.add(where + ": " + table + " is not a mapped table");
              } else if (!mapped.columns().isEmpty()) {
                Set<String> unknown =
                    columns.stream()
                        .filter(c -> !mapped.columns().contains(c))
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
                if (!unknown.isEmpty()) {
                  problems.add(
                      where + " names columns " + unknown + " that " + table + " does not list");
                }
              }
            });
  }

  private static void validate(String table, TableMapping mapping, List<String> problems) {
    if (!table.matches("[^.\\s]+\\.[^.\\s]+")) {
      problems.add("table key '" + table + "' must be schema.table");
    }
    if (!CATEGORIES.contains(mapping.category())) {
      problems.add(
          "tables." + table + ".category '" + mapping.category() + "' is not one of " + CATEGORIES);
    }
    if (!mapping.columns().isEmpty()) {
      Set<String> unknown =
          mapping.referencedColumns().stream()
              .filter(column -> !mapping.columns().contains(column))
              .collect(Collectors.toCollection(java.util.TreeSet::new));
      if (!unknown.isEmpty()) {
        problems.add(
            "tables."
                + table
                + " names columns "
                + unknown
                + " that are not in its 'columns' list");
      }
    }
  }

  // Jackson reports where the parser stood, which for a record is up to one line past the key.
  private static String where(JsonLocation location) {
    return location == null ? "unknown line" : "near line " + location.getLineNr();
  }

  /** The key's path as written in YAML, e.g. tables.helpdesk.tickets.status_column. */
  private static String dotted(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? reference.getFieldName()
                    : Integer.toString(reference.getIndex()))
        .collect(Collectors.joining("."));
  }

  private record MappingFile(
      Map<String, TableMapping> tables,
      List<String> feedAuditTypes,
      List<String> eventTypes,
      NotificationMapping notifications) {
    @JsonCreator
    MappingFile(
        @JsonProperty(value = "tables", required = true) Map<String, TableMapping> tables,
        @JsonProperty("feed_audit_types") List<String> feedAuditTypes,
        @JsonProperty("event_types") List<String> eventTypes,
        @JsonProperty("notifications") NotificationMapping notifications) {
      this.tables = tables;
      this.feedAuditTypes = feedAuditTypes;
      this.eventTypes = eventTypes;
      this.notifications = notifications;
    }
  }
}
