package io.activitytrail.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes each run of the corpus unique, so that it shares the stack with other tests and with its
 * own earlier runs: {@code ${name}} is replaced inside text, a text that is exactly {@code #{name}}
 * becomes a JSON number. Names: {@code ws} (this run's workspace), {@code ws:x} (another one),
 * {@code id}, {@code lsn}, {@code tx} (this case's own numbers), {@code id:x}, {@code lsn:x},
 * {@code tx:x} (numbers shared by the cases naming x), {@code ts}, {@code ts_us}, {@code ts_ns}
 * (now), {@code big:N} (N characters of text), {@code nested:N} (N nested JSON arrays).
 */
final class CorpusPlaceholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("([$#])\\{([^}]+)}");

  private final String workspace;
  private final long base;
  private final long now;
  private final Map<String, Long> named = new HashMap<>();
  private int caseIndex;

  CorpusPlaceholders(String workspace, long base, long now) {
    this.workspace = workspace;
    this.base = base;
    this.now = now;
  }

  /** The numbers {@code id}, {@code lsn} and {@code tx} of the next case. */
  void nextCase() {
    caseIndex++;
  }

  JsonNode resolve(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      Matcher whole = PLACEHOLDER.matcher(text);
      if (whole.matches() && whole.group(1).equals("#")) {
        return JsonNodeFactory.instance.numberNode(Long.parseLong(value(whole.group(2))));
      }
      return JsonNodeFactory.instance.textNode(text(text));
    }
    if (node.isObject()) {
      var copy = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(f.getValue())));
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(resolve(item)));
      return copy;
    }
    return node;
  }

  String text(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(2))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String value(String name) {
    String[] parts = name.split(":", 2);
    String arg = parts.length > 1 ? parts[1] : null;
    return switch (parts[0]) {
      case "ws" -> arg == null ? workspace : workspace + "-" + arg;
      case "id" -> Long.toString(number("id", arg, 1_000));
      case "lsn" -> Long.toString(number("lsn", arg, 1));
      case "tx" -> Long.toString(number("tx", arg, 1));
      case "ts" -> Long.toString(now);
      case "ts_us" -> Long.toString(now * 1_000);
      case "ts_ns" -> Long.toString(now * 1_000_000);
      case "big" -> "x".repeat(Integer.parseInt(arg));
      case "nested" -> "[".repeat(Integer.parseInt(arg)) + "]".repeat(Integer.parseInt(arg));
      default -> throw new IllegalArgumentException("unknown placeholder " + name);
    };
  }

  /** This case's own number, or the one shared by every case naming {@code shared}. */
  private long number(String kind, String shared, long step) {
    if (shared == null) {
      return base + caseIndex * step;
    }
    return named.computeIfAbsent(kind + ":" + shared, k -> base + (500 + named.size()) * step);
  }
}
