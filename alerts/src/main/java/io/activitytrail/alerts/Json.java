package io.activitytrail.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The module's JSON and YAML readers (thread-safe once configured). */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Json() {}
}
