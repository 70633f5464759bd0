package io.activitytrail.api;

/** A request parameter with an invalid value: answered 400 with the parameter's name. */
public final class BadParameter extends RuntimeException {

  private final String parameter;

  public BadParameter(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
