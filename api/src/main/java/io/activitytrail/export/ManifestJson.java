package io.activitytrail.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The manifest's JSON form: snake_case, nulls kept (an open time bound is written as null). */
public final class ManifestJson {

  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  public static String write(Manifest manifest) {
    try {
      return JSON.writeValueAsString(manifest) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Manifest read(String json) {
    try {
      return JSON.readValue(json, Manifest.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an export manifest: " + e.getMessage(), e);
    }
  }

  public static void writeTo(Path folder, Manifest manifest) throws IOException {
    Files.writeString(folder.resolve(FILE_NAME), write(manifest), StandardCharsets.UTF_8);
  }

  public static Manifest readFrom(Path folder) throws IOException {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no " + FILE_NAME + " in " + folder);
    }
    return read(Files.readString(file, StandardCharsets.UTF_8));
  }
}
