package io.activitytrail.bench.cli;

import java.time.Duration;
import picocli.CommandLine;

/** Operations per second, written {@code 5/s}, {@code 120/min} or just {@code 5}. */
public record Rate(double perSecond) {
  public static final double MAX_PER_SECOND = 100;

  public Rate {
    if (!(perSecond > 0) || perSecond > MAX_PER_SECOND) {
      throw new IllegalArgumentException(
          "a rate must be above 0 and at most " + (int) MAX_PER_SECOND + "/s, got " + perSecond);
    }
  }

  public static Rate parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String count = slash < 0 ? trimmed : trimmed.substring(0, slash).trim();
    String unit = slash < 0 ? "s" : trimmed.substring(slash + 1).trim();
    double seconds =
        switch (unit) {
          case "s", "sec" -> 1;
          case "min", "m" -> 60;
          default ->
              throw new IllegalArgumentException(
                  "rate '" + text + "': the unit after '/' must be s or min");
        };
    double value;
    try {
      value = Double.parseDouble(count);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "rate '" + text + "' is not a number per second (e.g. 5/s) or per minute (e.g. 120/min)");
    }
    return new Rate(value / seconds);
  }

  /** The spacing between two operations at this rate. */
  public Duration interval() {
    return Duration.ofNanos(Math.round(1_000_000_000L / perSecond));
  }

  @Override
  public String toString() {
    return (perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : perSecond) + "/s";
  }

  /** For picocli: a bad value is a usage error naming the option. */
  public static final class Converter implements CommandLine.ITypeConverter<Rate> {
    @Override
    public Rate convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
