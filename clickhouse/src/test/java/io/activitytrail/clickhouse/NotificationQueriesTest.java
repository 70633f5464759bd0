package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.event.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The notification reads and read markers over embedded ClickHouse, a fresh database per test. */
class NotificationQueriesTest {

  private static final Recipient ADA = new Recipient("ws-a", "u-ada", true);
  private static final Recipient BEN = new Recipient("ws-a", "u-ben", true);

  private final ClickHouse ch = TestClickHouse.open();
  private String db;
  private NotificationQueries queries;
  private int lsn;

  @BeforeEach
  void schema() {
    db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
    queries = new NotificationQueries(ch, db);
  }

  /** A notification for {@code who} of a ticket update {@code minute} after an hour ago. */
  private Notification notification(Recipient who, int minute, String reason) {
    lsn++;
    return TestNotifications.inApp(
        TestEvents.ticketUpdated("e-" + lsn, who.workspaceId(), "t-" + lsn, minute, lsn),
        who.userId(),
        reason);
  }

  private void insert(Notification... notifications) {
    ch.insert(
        db + ".notification",
        NotificationRows.COLUMNS,
        NotificationRows.toJsonEachRow(List.of(notifications)));
  }

  private static List<String> ids(NotificationPage page) {
    return page.items().stream().map(NotificationItem::notificationId).toList();
  }

  private static String id(Notification n) {
    return n.getNotificationId();
  }

  private static Instant minute(int m) {
    return TestEvents.AN_HOUR_AGO.plus(Duration.ofMinutes(m));
  }

  @Test
  @DisplayName(
      "a page is the recipient's notifications newest first, each with its reason, read state and"
          + " activity")
  void pageNewestFirst() {
    Notification first = notification(ADA, 1, "assigned");
    Notification second = notification(ADA, 2, "following");
    insert(first, second, notification(BEN, 3, "assigned"));

    NotificationPage page = queries.page(ADA, false, 50, null);

    assertThat(ids(page)).containsExactly(id(second), id(first));
    NotificationItem item = page.items().get(0);
    assertThat(item.reason()).isEqualTo("following");
    assertThat(item.read()).isFalse();
    assertThat(item.createdAt()).isEqualTo(second.getCreatedAt());
    assertThat(item.activity()).isEqualTo(second.getActivity());
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  @DisplayName(
      "a notification written twice, in two inserts, shows once on a page, counts once, and a"
          + " page shortened by the copy still fills up")
  void copiesCollapse() {
    Notification a = notification(ADA, 1, "assigned");
    Notification b = notification(ADA, 2, "assigned");
    Notification c = notification(ADA, 3, "assigned");
    insert(a, b, c);
    insert(c);
    insert(b);

    NotificationPage first = queries.page(ADA, false, 2, null);
    NotificationPage rest = queries.page(ADA, false, 2, first.nextCursor());

    assertThat(ids(first)).containsExactly(id(c), id(b));
    assertThat(ids(rest)).containsExactly(id(a));
    assertThat(rest.nextCursor()).isNull();
    assertThat(queries.unreadCount(ADA).unread()).isEqualTo(3);
  }

  @Test
  @DisplayName("marking ids reads exactly those; the unread page and count leave them out")
  void markIds() {
    Notification a = notification(ADA, 1, "assigned");
    Notification b = notification(ADA, 2, "assigned");
    Notification c = notification(ADA, 3, "assigned");
    insert(a, b, c);

    queries.markRead(ADA, List.of(id(a), id(c), id(c)), minute(10));

    assertThat(queries.page(ADA, false, 50, null).items())
        .extracting(NotificationItem::read)
        .containsExactly(true, false, true);
    assertThat(ids(queries.page(ADA, true, 50, null))).containsExactly(id(b));
    assertThat(queries.unreadCount(ADA).unread()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "mark all reads what was created up to and at that moment; a notification created after it"
          + " stays unread")
  void markAllThenNewArrives() {
    Notification before = notification(ADA, 1, "assigned");
    insert(before);

    // Inclusive: a marker at exactly a notification's creation covers it.
    queries.markAllRead(ADA, before.getCreatedAt());
    Notification after = notification(ADA, 6, "following");
    insert(after);

    assertThat(ids(queries.page(ADA, true, 50, null))).containsExactly(id(after));
    assertThat(queries.page(ADA, false, 50, null).items())
        .extracting(NotificationItem::read)
        .containsExactly(false, true);
    assertThat(queries.unreadCount(ADA).unread()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "markers are per recipient: marking another user's notification id, or marking all,"
          + " changes nothing of theirs")
  void markersArePerRecipient() {
    Notification adas = notification(ADA, 1, "assigned");
    Notification bens = notification(BEN, 2, "assigned");
    insert(adas, bens);

    queries.markRead(BEN, List.of(id(adas)), minute(10));
    queries.markAllRead(new Recipient("ws-other", ADA.userId(), true), minute(10));

    assertThat(queries.unreadCount(ADA).unread()).isEqualTo(1);
    assertThat(queries.page(ADA, false, 50, null).items().get(0).read()).isFalse();
    assertThat(queries.unreadCount(BEN).unread()).isEqualTo(1);
  }

  @Test
  @DisplayName("the same user id in another workspace is another recipient")
  void workspacesApart() {
    Recipient adaElsewhere = new Recipient("ws-b", ADA.userId(), true);
    insert(notification(ADA, 1, "assigned"), notification(adaElsewhere, 2, "assigned"));

    assertThat(queries.page(ADA, false, 50, null).items())
        .extracting(i -> i.activity().getWorkspaceId())
        .containsExactly("ws-a");
    assertThat(queries.unreadCount(adaElsewhere).unread()).isEqualTo(1);
  }

  @Test
  @DisplayName("a recipient without audit notifications gets neither the pages nor the count")
  void auditNotificationsHidden() {
    Notification audit = notification(ADA, 1, "audit");
    Notification assigned = notification(ADA, 2, "assigned");
    insert(audit, assigned);
    Recipient asMember = new Recipient(ADA.workspaceId(), ADA.userId(), false);

    assertThat(ids(queries.page(asMember, false, 50, null))).containsExactly(id(assigned));
    assertThat(queries.unreadCount(asMember).unread()).isEqualTo(1);
    assertThat(queries.unreadCount(ADA).unread()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "paging while notifications arrive neither skips nor repeats: newer ones wait for the next"
          + " first page, a late one older than the boundary is on a later page")
  void pagingUnderInserts() {
    List<Notification> initial = new ArrayList<>();
    for (int m = 0; m < 10; m++) {
      initial.add(notification(ADA, m, "assigned"));
    }
    insert(initial.toArray(Notification[]::new));

    List<String> seen = new ArrayList<>();
    NotificationPage page = queries.page(ADA, false, 3, null);
    seen.addAll(ids(page));
    insert(notification(ADA, 30, "assigned"), initial.get(9)); // a newer one, and a copy
    Notification late = notification(ADA, 2, "following"); // committed long ago, written now
    page = queries.page(ADA, false, 3, page.nextCursor());
    seen.addAll(ids(page));
    insert(late);
    while (page.nextCursor() != null) {
      page = queries.page(ADA, false, 3, page.nextCursor());
      seen.addAll(ids(page));
    }

    List<String> expected =
        new ArrayList<>(initial.stream().map(Notification::getNotificationId).toList());
    expected.add(late.getNotificationId());
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    List<String> newestFirst = new ArrayList<>(initial.stream().map(n -> id(n)).toList());
    Collections.reverse(newestFirst);
    assertThat(seen.subList(0, 6)).containsExactlyElementsOf(newestFirst.subList(0, 6));
  }

  @Test
  @DisplayName(
      "the unread count is exact up to 1,000; from 1,001 on it reads 1,000, capped, whatever the"
          + " backlog")
  void countStopsAtTheCap() {
    List<Notification> thousand = new ArrayList<>();
    for (int i = 0; i < NotificationQueries.MAX_UNREAD_COUNT; i++) {
      thousand.add(notification(ADA, i % 50, "workspace"));
    }
    insert(thousand.toArray(Notification[]::new));
    assertThat(queries.unreadCount(ADA)).isEqualTo(new UnreadCount(1_000, false));

    insert(notification(ADA, 51, "workspace"), notification(ADA, 52, "workspace"));

    assertThat(queries.unreadCount(ADA)).isEqualTo(new UnreadCount(1_000, true));
    queries.markRead(ADA, List.of(thousand.get(0).getNotificationId()), minute(60));
    queries.markRead(ADA, List.of(thousand.get(1).getNotificationId()), minute(60));
    assertThat(queries.unreadCount(ADA)).isEqualTo(new UnreadCount(1_000, false));
  }

  @Test
  @DisplayName(
      "an unread page's cursor belongs to unread pages: given to the full list it is refused")
  void cursorKinds() {
    insert(notification(ADA, 1, "assigned"), notification(ADA, 2, "assigned"));
    String unreadCursor = queries.page(ADA, true, 1, null).nextCursor();

    assertThat(queries.page(ADA, true, 1, unreadCursor).items()).hasSize(1);
    assertThatThrownBy(() -> queries.page(ADA, false, 1, unreadCursor))
        .isInstanceOf(InvalidCursorException.class)
        .hasMessageContaining("another query");
  }

  @Test
  @DisplayName(
      "a read request names 1 to 500 ids, none empty, too long or '*' (which would mean all)")
  void markReadChecks() {
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= NotificationQueries.MAX_READ_IDS; i++) {
      tooMany.add("n-" + i);
    }
    for (List<String> bad :
        List.of(List.<String>of(), tooMany, List.of(""), List.of("*"), List.of("x".repeat(101)))) {
      assertThatThrownBy(() -> queries.markRead(ADA, bad, minute(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ch.query("SELECT count() AS n FROM " + db + ".notification_read", Map.of()))
        .containsExactly(Map.of("n", 0));
  }

  @Test
  @DisplayName(
      "values reach the SQL as parameters: a hostile user id reads nothing and breaks nothing")
  void hostileRecipient() {
    insert(notification(ADA, 1, "assigned"));
    Recipient hostile = new Recipient("ws-a", "u-ada' OR '1'='1", true);

    queries.markRead(hostile, Set.of("') ; DROP TABLE notification; --"), minute(2));

    assertThat(queries.page(hostile, false, 50, null).items()).isEmpty();
    assertThat(queries.unreadCount(hostile).unread()).isZero();
    assertThat(queries.unreadCount(ADA).unread()).isEqualTo(1);
  }
}
