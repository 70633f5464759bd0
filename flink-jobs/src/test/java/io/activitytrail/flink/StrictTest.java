package io.activitytrail.flink;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The strict set-ups really refuse Kryo, so the tests that use them would notice a fallback. */
class StrictTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @Test
  @DisplayName("a stream of a generic type fails in the strict environment")
  void environmentRefusesKryo() {
    var env = Strict.environment();

    assertThatThrownBy(
            () -> {
              env.fromData(List.of(new ArrayList<String>()), TypeInformation.of(ArrayList.class))
                  .print();
              env.execute("kryo");
            })
        .hasStackTraceContaining("Generic types have been disabled");
  }

  @Test
  @DisplayName("state of a generic type fails in a strict harness")
  void harnessRefusesKryo() throws Exception {
    var harness =
        Strict.harness(
            new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new GenericState()), (String s) -> s, Types.STRING));

    assertThatThrownBy(harness::open).hasStackTraceContaining("Generic types have been disabled");
    harness.close();
  }

  private static final class GenericState extends KeyedProcessFunction<String, String, String> {
    @Override
    public void open(OpenContext context) {
      getRuntimeContext().getState(new ValueStateDescriptor<>("list", ArrayList.class));
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {}
  }
}
