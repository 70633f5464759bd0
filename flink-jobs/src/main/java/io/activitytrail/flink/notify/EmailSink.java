package io.activitytrail.flink.notify;

import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.sink.PipelineMetrics;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import io.activitytrail.event.Notification;
import io.activitytrail.notifications.email.ClickHouseSentLog;
import io.activitytrail.notifications.email.EmailLinks;
import io.activitytrail.notifications.email.EmailRenderer;
import io.activitytrail.notifications.email.EmailSender;
import io.activitytrail.notifications.email.SmtpMailer;
import io.activitytrail.notifications.email.SmtpSettings;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Sends each batch as one email ({@link EmailSender}): through the SMTP server, recorded in the
 * sent log in ClickHouse, failures to the dead-letter topic. Each write returns only when its email
 * is sent and recorded, or dead-lettered, so a checkpoint never covers an email still in flight;
 * what a restart replays, the sent log leaves out.
 */
public final class EmailSink implements Sink<List<Notification>> {
  private static final long serialVersionUID = 1L;

  private final SmtpSettings smtp;
  private final EmailLinks links;
  private final ClickHouseTarget sentLog;
  private final RetryPolicy retry;
  private final KafkaEmailFailures.Factory failures;

  public EmailSink(
      SmtpSettings smtp,
      EmailLinks links,
      ClickHouseTarget sentLog,
      RetryPolicy retry,
      KafkaEmailFailures.Factory failures) {
    this.smtp = smtp;
    this.links = links;
    this.sentLog = sentLog;
    this.retry = retry;
    this.failures = failures;
  }

  @Override
  public SinkWriter<List<Notification>> createWriter(WriterInitContext context) throws IOException {
    EmailSender sender =
        new EmailSender(
            new EmailRenderer(links),
            new SmtpMailer(smtp),
            new ClickHouseSentLog(sentLog.connect(), sentLog.database()),
            retry,
            Thread::sleep,
            failures.create(),
            Clock.systemUTC());
    MetricGroup email = PipelineMetrics.email(context.metricGroup());
    return new Writer(sender, email.counter("sent"), email.counter("deadLettered"));
  }

  private static final class Writer implements SinkWriter<List<Notification>> {
    private final EmailSender sender;
    private final Counter sent;
    private final Counter failed;

    Writer(EmailSender sender, Counter sent, Counter failed) {
      this.sender = sender;
      this.sent = sent;
      this.failed = failed;
    }

    @Override
    public void write(List<Notification> batch, Context context)
        throws IOException, InterruptedException {
      switch (sender.send(batch)) {
        case SENT -> sent.inc();
        case DEAD_LETTERED -> failed.inc();
        case ALREADY_SENT -> {
          // a replay: nothing to do
        }
      }
    }

    @Override
    public void flush(boolean endOfInput) {
      // every write finished its email before returning
    }

    @Override
    public void close() throws Exception {
      sender.close();
    }
  }
}
