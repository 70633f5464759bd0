package io.activitytrail.schemas;

import org.apache.avro.Schema;

/** One released version of a top-level schema, as registries and consumers may already hold it. */
public record PublishedSchema(String name, int version, Schema schema) {

  public String label() {
    return name + " v" + version;
  }
}
