package io.activitytrail.clickhouse.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced {@code sql} blocks of a Markdown document, each with the heading above it and the
 * values of its {@code -- params: name=value, ...} line.
 */
record SqlBlocks(List<SqlBlocks.Block> blocks) {

  record Block(String heading, String sql, Map<String, String> params) {}

  private static final Pattern BLOCK =
      Pattern.compile("^### (.+?)$|^```sql\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

  static SqlBlocks read(Path markdown) {
    String text;
    try {
      text = Files.readString(markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Block> blocks = new ArrayList<>();
    String heading = null;
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        heading = m.group(1).strip();
        continue;
      }
      String sql = m.group(2);
      Map<String, String> params = new LinkedHashMap<>();
      for (String line : sql.split("\n")) {
        if (line.startsWith("-- params:")) {
          for (String pair : line.substring("-- params:".length()).split(",")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
          }
        }
      }
      blocks.add(new Block(heading, sql.strip(), params));
    }
    return new SqlBlocks(blocks);
  }
}
