package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.simulate.HelpdeskState.Person;
import io.activitytrail.ingest.simulate.HelpdeskState.Workspace;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.ActorType;
import io.activitytrail.schemas.context.Channel;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** The people and machines behind the simulated writes, as the platform would describe them. */
final class Actors {
  record Rule(String id, String name) {}

  static final List<Rule> RULES =
      List.of(
          new Rule("rule-route-billing", "Route billing questions to Finance"),
          new Rule("rule-urgent-tier2", "Escalate urgent tickets to Tier 2"),
          new Rule("rule-round-robin", "Round-robin assignment"));

  private final RandomGenerator random;

  Actors(RandomGenerator random) {
    this.random = random;
  }

  /**
   * A team member at work: mostly the web UI, sometimes a personal API token, rarely an admin
   * impersonating.
   */
  ActorContext member(Workspace w, Person user) {
    int draw = random.nextInt(100);
    if (draw < 8) {
      return ActorContext.builder(ActorType.API_TOKEN)
          .actorId("token-" + user.id())
          .actorName(user.name() + " (API token)")
          .onBehalfOf(Long.toString(user.id()))
          .ip(Texts.ipFor(user.id()))
          .userAgent("helpdesk-cli/2.3.0")
          .requestId(requestId())
          .channel(Channel.API)
          .build();
    }
    ActorContext.Builder ctx =
        ActorContext.user(Long.toString(user.id()), user.name())
            .ip(Texts.ipFor(user.id()))
            .userAgent(Texts.oneOf(random, Texts.USER_AGENTS))
            .requestId(requestId());
    if (draw < 10) {
      Person owner = w.usersWithRole("owner").get(0);
      if (owner.id() != user.id()) {
        ctx.impersonatorId(Long.toString(owner.id())).ip(Texts.ipFor(owner.id()));
      }
    }
    return ctx.build();
  }

  ActorContext customerByEmail(Person customer) {
    return ActorContext.builder(ActorType.CUSTOMER)
        .actorId(Long.toString(customer.id()))
        .actorName(customer.name())
        .requestId(requestId())
        .channel(Channel.EMAIL)
        .build();
  }

  ActorContext rule(Rule rule) {
    return ActorContext.automation(rule.id(), rule.name()).requestId(requestId()).build();
  }

  /** A partner system importing on behalf of an administrator. */
  ActorContext integration(Person admin) {
    return ActorContext.builder(ActorType.INTEGRATION)
        .actorId("integration-asset-sync")
        .actorName("Asset inventory sync")
        .onBehalfOf(Long.toString(admin.id()))
        .requestId(requestId())
        .channel(Channel.IMPORT)
        .build();
  }

  ActorContext provisioning() {
    return ActorContext.builder(ActorType.SYSTEM)
        .actorId("provisioning")
        .actorName("Workspace provisioning")
        .channel(Channel.SYSTEM)
        .build();
  }

  String requestId() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
