package io.activitytrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.Category;
import io.activitytrail.event.Notification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The trigger benchmark's workload")
class NotificationTriggerBenchmarkTest {

  @Test
  @DisplayName(
      "notifies like a busy helpdesk: most activities reach someone, audit events only admins,"
          + " never the actor")
  void realisticMix() {
    NotificationTriggerBenchmark bench = new NotificationTriggerBenchmark();
    bench.load();
    NotificationTriggerBenchmark.Made made = new NotificationTriggerBenchmark.Made();
    List<Notification> all = new ArrayList<>();
    int activities = 2_000;
    for (int i = 0; i < activities; i++) {
      all.addAll(bench.trigger(made));
    }
    assertThat(made.notifications).isEqualTo(all.size());
    assertThat((double) all.size() / activities).isBetween(1.0, 8.0);
    assertThat(all)
        .filteredOn(n -> n.getActivity().getCategory() == Category.audit)
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n.getReason()).isEqualTo("audit"))
        .allSatisfy(n -> assertThat(Integer.parseInt(n.getRecipientId())).isBetween(1, 4));
    assertThat(all)
        .allSatisfy(
            n ->
                assertThat(n.getRecipientId())
                    .isNotEqualTo(
                        "user".equals(n.getActivity().getActor().getType())
                            ? n.getActivity().getActor().getId()
                            : null));
    assertThat(all).extracting(n -> n.getChannel().name()).contains("in_app", "email");
  }
}
