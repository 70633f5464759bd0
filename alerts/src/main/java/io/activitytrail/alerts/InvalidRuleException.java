package io.activitytrail.alerts;

/**
 * A rule that cannot be used, with the reason: reported as a dead letter, while the job and the
 * other rules go on.
 */
public final class InvalidRuleException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String rule;

  public InvalidRuleException(String rule, String reason) {
    super("rule '" + rule + "': " + reason);
    this.rule = rule;
  }

  /** The rule's id or, before it has one, its name. */
  public String rule() {
    return rule;
  }
}
