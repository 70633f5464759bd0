package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.ingest.simulate.HelpdeskState.Attachment;
import io.activitytrail.ingest.simulate.HelpdeskState.Person;
import io.activitytrail.ingest.simulate.HelpdeskState.Workspace;
import io.activitytrail.schemas.context.ActorType;
import io.activitytrail.schemas.context.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

/** Events that change no row: logins, exports, downloads, sent as trail.event messages. */
final class AuditOperations {
  private static final List<String> FAILURE_REASONS =
      List.of("bad_password", "bad_password", "bad_password", "mfa_failed", "mfa_failed", "locked");
  private static final List<String> EXPORTS =
      List.of("tickets", "customers", "assets", "activity_log");

  private final RandomGenerator random;
  private final Actors actors;
  private final Clock clock;

  AuditOperations(RandomGenerator random, Actors actors, Clock clock) {
    this.random = random;
    this.actors = actors;
    this.clock = clock;
  }

  boolean loginSucceeded(Connection c, Workspace w) throws SQLException {
    Person user = Texts.oneOf(random, w.users);
    TrailContext.emitEvent(c, login(AuditEvent.LOGIN_SUCCEEDED, w, user).build());
    return true;
  }

  /** Mostly a real user mistyping; now and then someone guessing an address that does not exist. */
  boolean loginFailed(Connection c, Workspace w) throws SQLException {
    AuditEvent.Builder event;
    if (random.nextInt(5) == 0) {
      String guessed = "admin" + random.nextInt(100) + "@" + w.domain();
      event =
          AuditEvent.builder(AuditEvent.LOGIN_FAILED, w.id, clock.instant())
              .actor(ActorType.USER, null, guessed)
              .ip("192.0.2." + (1 + random.nextInt(254)))
              .userAgent("python-requests/2.32.3")
              .reason("unknown_user");
    } else {
      event = login(AuditEvent.LOGIN_FAILED, w, Texts.oneOf(random, w.users));
      event.reason(Texts.oneOf(random, FAILURE_REASONS));
    }
    TrailContext.emitEvent(c, event.build());
    return true;
  }

  /** Failed logins of one account, one ip and tool, more than the brute-force threshold. */
  boolean bruteForce(Connection c, Workspace w) throws SQLException {
    Person target = Texts.oneOf(random, w.users);
    String ip = "203.0.113." + (1 + random.nextInt(254));
    for (int i = 0; i < BRUTE_FORCE_ATTEMPTS; i++) {
      TrailContext.emitEvent(
          c,
          AuditEvent.builder(AuditEvent.LOGIN_FAILED, w.id, clock.instant())
              .actor(ActorType.USER, Long.toString(target.id()), target.name())
              .ip(ip)
              .userAgent("hydra/9.5")
              .reason("wrong_password")
              .build());
    }
    return true;
  }

  static final int BRUTE_FORCE_ATTEMPTS = 6;

  boolean dataExported(Connection c, Workspace w) throws SQLException {
    Person admin = Texts.oneOf(random, w.usersWithRole("owner", "admin"));
    String what = Texts.oneOf(random, EXPORTS);
    TrailContext.emitEvent(
        c,
        AuditEvent.builder(AuditEvent.DATA_EXPORTED, w.id, clock.instant())
            .actor(ActorType.USER, Long.toString(admin.id()), admin.name())
            .ip(Texts.ipFor(admin.id()))
            .requestId(actors.requestId())
            .detail("export", what)
            .detail("format", random.nextBoolean() ? "csv" : "jsonl")
            .detail("rows", 1 + random.nextInt(5_000))
            .build());
    return true;
  }

  boolean fileDownloaded(Connection c, Workspace w) throws SQLException {
    if (w.attachments.isEmpty()) {
      return false;
    }
    Attachment a = Texts.oneOf(random, w.attachments);
    Person user = Texts.oneOf(random, w.users);
    TrailContext.emitEvent(
        c,
        AuditEvent.builder(AuditEvent.FILE_DOWNLOADED, w.id, clock.instant())
            .actor(ActorType.USER, Long.toString(user.id()), user.name())
            .ip(Texts.ipFor(user.id()))
            .record("file", Long.toString(a.id()))
            .detail("file_name", a.fileName())
            .detail("parent_record_type", a.recordType())
            .detail("parent_record_id", Long.toString(a.recordId()))
            .build());
    return true;
  }

  private AuditEvent.Builder login(String type, Workspace w, Person user) {
    return AuditEvent.builder(type, w.id, clock.instant())
        .actor(ActorType.USER, Long.toString(user.id()), user.name())
        .ip(Texts.ipFor(user.id()))
        .userAgent(Texts.oneOf(random, Texts.USER_AGENTS))
        .requestId(actors.requestId());
  }
}
