package io.activitytrail.flink.decode;

/** Debezium's operation codes for row changes. */
public enum Op {
  CREATE("c"),
  UPDATE("u"),
  DELETE("d"),
  READ("r");

  private final String code;

  Op(String code) {
    this.code = code;
  }

  public static Op fromCode(String code) {
    for (Op op : values()) {
      if (op.code.equals(code)) {
        return op;
      }
    }
    throw new DecodeException("unexpected op '" + code + "' (expected c, u, d or r)");
  }
}
