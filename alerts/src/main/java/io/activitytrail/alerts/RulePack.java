package io.activitytrail.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A YAML file of built-in rules ({@code rules: [...]}): the one shipped with the job ({@link
 * #DEFAULT_RESOURCE}) or one given by an option. Invalid rules are returned with their reasons next
 * to the valid ones, so the job reports them and goes on with the rest.
 */
public record RulePack(List<AlertRule> rules, List<InvalidRuleException> invalid) {

  public static final String DEFAULT_RESOURCE = "alerts/builtin-rules.yaml";

  public RulePack {
    rules = List.copyOf(rules);
    invalid = List.copyOf(invalid);
  }

  /** The pack shipped with the job. */
  public static RulePack builtIn(RuleVocabulary vocabulary) {
    try (InputStream in = RulePack.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the classpath");
      }
      return parse(Json.YAML.readTree(in), vocabulary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A pack from a file (the job's override option). An unreadable file is an error at start. */
  public static RulePack file(Path path, RuleVocabulary vocabulary) {
    try {
      return parse(Json.YAML.readTree(Files.readString(path)), vocabulary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rule pack " + path, e);
    }
  }

  /** A pack from its parsed YAML or JSON. */
  public static RulePack parse(JsonNode root, RuleVocabulary vocabulary) {
    JsonNode list = root == null ? null : root.get("rules");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("a rule pack is an object with a list 'rules'");
    }
    List<AlertRule> rules = new ArrayList<>();
    List<InvalidRuleException> invalid = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode node : list) {
      try {
        AlertRule rule = RuleParser.builtInRule(node, vocabulary);
        if (!names.add(rule.name())) {
          throw new InvalidRuleException(rule.id(), "a second rule named '" + rule.name() + "'");
        }
        rules.add(rule);
      } catch (InvalidRuleException e) {
        invalid.add(e);
      }
    }
    return new RulePack(rules, invalid);
  }
}
