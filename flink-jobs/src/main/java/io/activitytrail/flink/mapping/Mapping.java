package io.activitytrail.flink.mapping;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which captured tables become which records, read from a mapping YAML file (see {@code
 * mapping/helpdesk.yaml}).
 *
 * @param tables keyed by {@code schema.table}
 */
public record Mapping(Map<String, TableMapping> tables) implements Serializable {

  public Mapping {
    tables = Map.copyOf(tables == null ? Map.of() : tables);
  }

  public Optional<TableMapping> table(String schema, String table) {
    return Optional.ofNullable(tables.get(schema + "." + table));
  }

  public String tableNames() {
    return String.join(", ", new TreeMap<>(tables).keySet());
  }
}
