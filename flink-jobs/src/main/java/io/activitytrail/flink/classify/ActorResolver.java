package io.activitytrail.flink.classify;

import io.activitytrail.event.Actor;
import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.Op;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.diff.FieldDiffer;
import io.activitytrail.flink.reference.References;
import io.activitytrail.mapping.Reference;
import io.activitytrail.mapping.TableMapping;
import io.activitytrail.schemas.context.ActorContext;
import java.util.HashMap;

/**
 * Who made a change: the transaction's context when there is one; else the mapping's fallback
 * column, but only when this very change set it (a stale {@code updated_by} from an earlier write
 * must not be credited), named as the referenced row was last seen; else unattributed with the
 * database user.
 */
public final class ActorResolver {
  public static final String FROM_CONTEXT = "context";
  public static final String FROM_COLUMN = "column";
  public static final String FROM_NONE = "none";
  public static final String UNATTRIBUTED = "unattributed";

  private ActorResolver() {}

  public static Actor resolve(
      RowChange change, TableMapping table, ActorContext context, References references) {
    if (context != null) {
      return fromContext(context, change.dbUser());
    }
    String column = table.fallbackActorColumn();
    if (column != null && changeSetColumn(change, column)) {
      String id = change.after().get(column).text();
      Reference reference = table.fallbackActor();
      String referenced =
          reference.qualifiedTable(change.schema(), c -> ColumnValue.textIn(change.after(), c));
      return Actor.newBuilder()
          .setType("user")
          .setId(id)
          .setName(
              referenced == null ? null : references.display(referenced, reference.display(), id))
          .setSource(FROM_COLUMN)
          .setDbUser(change.dbUser())
          .setExtra(new HashMap<>())
          .build();
    }
    return unattributed(change.dbUser());
  }

  public static Actor fromContext(ActorContext context, String dbUser) {
    return Actor.newBuilder()
        .setType(context.actorType())
        .setId(context.actorId())
        .setName(context.actorName())
        .setIp(context.ip())
        .setUserAgent(context.userAgent())
        .setRequestId(context.requestId())
        .setChannel(context.channel())
        .setRuleId(context.ruleId())
        .setOnBehalfOf(context.onBehalfOf())
        .setImpersonatorId(context.impersonatorId())
        .setSource(FROM_CONTEXT)
        .setDbUser(dbUser)
        .setExtra(new HashMap<>(context.extra()))
        .build();
  }

  public static Actor unattributed(String dbUser) {
    return Actor.newBuilder()
        .setType(UNATTRIBUTED)
        .setSource(FROM_NONE)
        .setDbUser(dbUser)
        .setExtra(new HashMap<>())
        .build();
  }

  private static boolean changeSetColumn(RowChange change, String column) {
    ColumnValue now = change.after().getOrDefault(column, ColumnValue.NULL);
    if (now.isNull() || now.isUnavailable()) {
      return false;
    }
    if (change.op() == Op.CREATE || change.op() == Op.READ) {
      return true;
    }
    ColumnValue old = change.before().getOrDefault(column, ColumnValue.NULL);
    return change.op() == Op.UPDATE && !FieldDiffer.same(old, now);
  }
}
