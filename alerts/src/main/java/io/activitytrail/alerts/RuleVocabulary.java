package io.activitytrail.alerts;

import io.activitytrail.mapping.Mapping;
import io.activitytrail.mapping.TableMapping;
import io.activitytrail.mapping.Taxonomy;
import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a rule's filter may use under a mapping: a type, record type or field outside them is a
 * typo that would silently never fire, so the rule is refused instead. Null sets: not checked.
 */
public record RuleVocabulary(Set<String> types, Set<String> recordTypes, Set<String> fields)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Checks nothing (tests of the evaluation alone). */
  public static final RuleVocabulary OPEN = new RuleVocabulary(null, null, null);

  /** The mapping's types and record types, and every column of its tables as a field. */
  public static RuleVocabulary of(Mapping mapping) {
    Taxonomy taxonomy = mapping.taxonomy();
    Set<String> fields = new TreeSet<>();
    for (TableMapping table : mapping.tables().values()) {
      fields.addAll(table.columns());
    }
    return new RuleVocabulary(taxonomy.types(), taxonomy.recordTypes(), fields);
  }

  void check(String rule, String key, Set<String> values, Set<String> known) {
    if (known == null) {
      return;
    }
    for (String value : values) {
      if (!known.contains(value)) {
        throw new InvalidRuleException(
            rule, "unknown " + key + " '" + value + "' in filter; known: " + new TreeSet<>(known));
      }
    }
  }
}
