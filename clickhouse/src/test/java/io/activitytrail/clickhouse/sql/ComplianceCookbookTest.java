package io.activitytrail.clickhouse.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.clickhouse.GoldenFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query of docs/compliance-sql.md, run as written (with its example parameters) on the
 * compliance dataset through a read-only session, against its golden result.
 */
class ComplianceCookbookTest {

  private static final Path COOKBOOK = Path.of("../docs/compliance-sql.md");

  static Stream<Arguments> questions() {
    List<SqlBlocks.Block> blocks = SqlBlocks.read(COOKBOOK).blocks();
    return blocks.stream().map(b -> Arguments.of(b.heading(), b));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("questions")
  @DisplayName("each cookbook question answers on the dataset as its golden file says, with rows")
  void question(String heading, SqlBlocks.Block block) {
    String number = heading.substring(0, heading.indexOf('.'));
    String result = ReadOnlyStore.run(block.sql(), "TSVWithNames", block.params());

    assertThat(result.lines().count()).as("a header and at least one row").isGreaterThan(1);
    GoldenFiles.assertMatches(
        String.format("sql/cookbook/%02d.tsv", Integer.parseInt(number)), result);
  }

  @Test
  @DisplayName("the cookbook has at least 15 questions, each with its parameters' example values")
  void enoughQuestions() {
    List<SqlBlocks.Block> blocks = SqlBlocks.read(COOKBOOK).blocks();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(15);
    for (SqlBlocks.Block b : blocks) {
      for (String name : b.params().keySet()) {
        assertThat(b.sql()).as(b.heading()).contains("{" + name + ":");
      }
      assertThat(b.sql().replaceAll("\\{\\w+:[^}]+}", ""))
          .as("%s binds every value as a parameter", b.heading())
          .doesNotContain("{");
    }
  }
}
