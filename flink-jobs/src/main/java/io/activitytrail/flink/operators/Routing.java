package io.activitytrail.flink.operators;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import io.activitytrail.event.NotificationChannel;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.classify.Normalizer;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.mapping.Mapping;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.util.Collector;

/** The small functions that route decoded events around the attribution join. */
public final class Routing {
  private Routing() {}

  /** Events of a transaction: joined with its context. */
  public static final class InTransaction implements FilterFunction<Decoded> {
    @Override
    public boolean filter(Decoded event) {
      return event.transactional();
    }
  }

  /** Snapshot reads and non-transactional messages: there is no context to wait for. */
  public static final class OutsideTransaction implements FilterFunction<Decoded> {
    @Override
    public boolean filter(Decoded event) {
      return !event.transactional();
    }
  }

  public static final class ByTransaction implements KeySelector<Decoded, String> {
    @Override
    public String getKey(Decoded event) {
      return event.transactionId();
    }
  }

  /**
   * The END markers: the transaction topic has one partition, read by one source subtask, so they
   * leave here in commit order.
   */
  public static final class CommitMarkers implements FlatMapFunction<Decoded, TransactionBoundary> {
    @Override
    public void flatMap(Decoded event, Collector<TransactionBoundary> out) {
      if (event instanceof TransactionBoundary boundary
          && boundary.status() == TransactionBoundary.Status.END) {
        out.collect(boundary);
      }
    }
  }

  /** One key for everything: the sequencer is a single ordered operator with keyed state. */
  public static final class Single<T> implements KeySelector<T, String> {
    public static final String KEY = "commit-order";

    @Override
    public String getKey(T value) {
      return KEY;
    }
  }

  public static final class WithoutContext implements MapFunction<Decoded, Attributed> {
    @Override
    public Attributed map(Decoded event) {
      return new Attributed(event, null);
    }
  }

  /** The workspace an event belongs to: the normalizer keeps each workspace's references. */
  public static final class ByWorkspace implements KeySelector<Attributed, String> {
    private final Mapping mapping;

    public ByWorkspace(Mapping mapping) {
      this.mapping = mapping;
    }

    @Override
    public String getKey(Attributed attributed) {
      return Normalizer.workspaceOf(attributed, mapping);
    }
  }

  /** The workspace of a normalized event: the alert rules count per workspace. */
  public static final class EventWorkspace implements KeySelector<ActivityEvent, String> {
    @Override
    public String getKey(ActivityEvent event) {
      return event.getWorkspaceId();
    }
  }

  /** Notifications of one channel. */
  public static final class OnChannel implements FilterFunction<Notification> {
    private final NotificationChannel channel;

    public OnChannel(NotificationChannel channel) {
      this.channel = channel;
    }

    @Override
    public boolean filter(Notification notification) {
      return notification.getChannel() == channel;
    }
  }

  /** One recipient: their emails are batched together. */
  public static final class ByRecipient implements KeySelector<Notification, String> {
    @Override
    public String getKey(Notification notification) {
      return notification.getWorkspaceId() + "|" + notification.getRecipientId();
    }
  }
}
