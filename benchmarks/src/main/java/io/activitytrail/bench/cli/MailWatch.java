package io.activitytrail.bench.cli;

import io.activitytrail.stack.mail.HostPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The recipients' inboxes during the benchmark, on two threads: {@link #count} asks each inbox with
 * a change still missing for its message count every poll interval and stamps each new message with
 * the time the count first showed it; {@link #read} fetches the stamped messages and charges each
 * change a message names with that stamp. A slow fetch thus never delays a stamp: a figure is an
 * upper bound by one poll interval plus one STATUS round trip.
 */
final class MailWatch implements AutoCloseable {
  private final NotificationPlan plan;
  private final List<BenchMailbox> counters = new ArrayList<>();
  private final List<BenchMailbox> readers = new ArrayList<>();

  /** Per recipient, the stamp ({@link System#nanoTime()}) of each message after the first count. */
  private final List<List<Long>> stamps = new ArrayList<>();

  private final int[] before;
  private final AtomicIntegerArray seen;
  private final AtomicInteger seenCount = new AtomicInteger();

  MailWatch(HostPort imap, List<String> addresses, NotificationPlan plan) throws Exception {
    this.plan = plan;
    this.before = new int[addresses.size()];
    this.seen = new AtomicIntegerArray(plan.changes());
    try {
      for (int r = 0; r < addresses.size(); r++) {
        counters.add(new BenchMailbox(imap, addresses.get(r)));
        readers.add(new BenchMailbox(imap, addresses.get(r)));
        stamps.add(new CopyOnWriteArrayList<>());
        before[r] = counters.get(r).count();
      }
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /** Stamps arrivals until every change is seen or the give-up time passes. */
  void count(AtomicLongArray committedAt, AtomicLong giveUpAt, Duration interval) throws Exception {
    while (seenCount.get() < seen.length() && System.nanoTime() < giveUpAt.get()) {
      long started = System.nanoTime();
      for (int r = 0; r < counters.size(); r++) {
        if (!waitingFor(r, committedAt)) {
          continue;
        }
        int count = counters.get(r).count();
        long at = System.nanoTime();
        List<Long> stamped = stamps.get(r);
        while (before[r] + stamped.size() < count) {
          stamped.add(at);
        }
      }
      long sleep = started + interval.toNanos() - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
  }

  /** Reads the stamped messages as they come; one latency per change seen. */
  List<Duration> read(AtomicLongArray committedAt, AtomicLong giveUpAt) throws Exception {
    List<Duration> latencies = new ArrayList<>();
    int[] read = new int[readers.size()];
    while (seenCount.get() < seen.length() && System.nanoTime() < giveUpAt.get()) {
      boolean any = false;
      for (int r = 0; r < readers.size(); r++) {
        List<Long> stamped = stamps.get(r);
        int available = stamped.size();
        if (read[r] >= available) {
          continue;
        }
        any = true;
        List<String> texts = readers.get(r).read(before[r] + read[r] + 1, before[r] + available);
        for (int k = 0; k < texts.size(); k++) {
          long at = stamped.get(read[r] + k);
          for (int index : NotificationPlan.changesIn(texts.get(k))) {
            long committed = index < seen.length() ? committedAt.get(index) : 0;
            if (committed != 0 && seen.compareAndSet(index, 0, 1)) {
              seenCount.incrementAndGet();
              latencies.add(Duration.ofNanos(at - committed));
            }
          }
        }
        read[r] = available;
      }
      if (!any) {
        Thread.sleep(10);
      }
    }
    return latencies;
  }

  /** Messages the recipients received since the watch began. */
  int received() {
    return stamps.stream().mapToInt(List::size).sum();
  }

  private boolean waitingFor(int recipient, AtomicLongArray committedAt) {
    for (int i = 0; i < seen.length(); i++) {
      if (seen.get(i) == 0 && committedAt.get(i) != 0 && plan.recipientOf(i) == recipient) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws Exception {
    for (BenchMailbox box : counters) {
      box.close();
    }
    for (BenchMailbox box : readers) {
      box.close();
    }
  }
}
