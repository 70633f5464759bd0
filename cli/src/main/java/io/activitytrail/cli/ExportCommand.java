package io.activitytrail.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ApiSecret;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import io.activitytrail.export.ExportDownload;
import io.activitytrail.export.ExportFormat;
import io.activitytrail.export.ExportKind;
import io.activitytrail.export.Manifest;
import io.activitytrail.export.ManifestVerifier;
import io.activitytrail.export.ProgressLine;
import io.activitytrail.stack.StackConfig;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    subcommands = ExportCommand.Verify.class,
    description = {
      "Export a workspace's activities or audit events as CSV or JSON Lines, with a manifest.",
      "Writes <kind>.<format> and manifest.json into --output; the export is recorded in the",
      "audit log as data_exported. Filters are those of trail feed (activities) and trail audit.",
      "Check a folder later with: trail export verify <folder>."
    })
final class ExportCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--workspace", description = "The workspace id (required).")
  String workspace;

  @Option(names = "--kind", description = "activities or audit-events (required).")
  String kind;

  @Option(names = "--format", description = "csv (default) or jsonl.")
  String format;

  @Option(names = "--output", description = "The folder to write into (required).")
  Path output;

  @Option(names = "--actor", description = "Only this actor id (repeatable).")
  List<String> actors;

  @Option(names = "--type", description = "Only this type (repeatable).")
  List<String> types;

  @Option(names = "--record-type", description = "activities: only this record type (repeatable).")
  List<String> recordTypes;

  @Option(names = "--outcome", description = "audit-events: success or failure.")
  String outcome;

  @Option(names = "--ip", description = "audit-events: only events from this client IP.")
  String ip;

  @Mixin TimeRangeOptions timeRange;

  @Mixin ActivityReader reader;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (workspace == null || kind == null || output == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--workspace, --kind and --output are required");
    }
    ExportKind k =
        ExportKind.parse(kind)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--kind must be activities or audit-events, got " + kind));
    ExportFormat f =
        format == null
            ? ExportFormat.csv
            : ExportFormat.parse(format)
                .orElseThrow(
                    () ->
                        new CommandLine.ParameterException(
                            spec.commandLine(), "--format must be csv or jsonl, got " + format));
    ActivityReader.Query query =
        new ActivityReader.Query()
            .add("kind", k.label)
            .add("format", f.name())
            .addAll("actor", actors)
            .addAll("type", types)
            .addAll("record_type", recordTypes)
            .add("outcome", outcome)
            .add("ip", ip);
    timeRange.addTo(query);
    String base;
    String bearer;
    if (reader.apiUrl != null) {
      if (reader.token == null) {
        throw new IllegalArgumentException("--api-url needs --token");
      }
      base = reader.apiUrl.replaceAll("/+$", "");
      bearer = reader.token;
    } else {
      StackConfig config = Trail.stackConfig();
      base = config.apiUrl();
      bearer =
          reader.token != null
              ? reader.token
              : ApiTokens.mint(
                  ApiSecret.loadOrCreate(ApiSecret.file(config.confDir())),
                  ActivityReader.LOCAL_USER,
                  workspace,
                  Role.admin,
                  Duration.ofMinutes(5),
                  Instant.now());
    }
    String url = base + "/v1/workspaces/" + ActivityReader.encode(workspace) + "/exports";
    Manifest manifest;
    try {
      manifest =
          ExportDownload.run(
              url,
              query.text().substring(1),
              bearer,
              k,
              f,
              output,
              new ProgressLine(System.err, System.console() != null));
    } catch (ConnectException e) {
      throw new IllegalStateException(
          "the API does not answer on "
              + base
              + (reader.apiUrl == null ? ": start the local stack with ./trail up" : ""));
    } catch (ExportDownload.Refused e) {
      Map<String, Object> body = JSON.readValue(e.body, new TypeReference<>() {});
      throw new IllegalStateException(ActivityReader.refusal(e.status, body));
    }
    Manifest.ExportFile file = manifest.files().get(0);
    System.out.printf(
        "exported %,d %s to %s (%,d bytes, sha256 %s), export id %s%n",
        file.rows(),
        manifest.kind(),
        output.resolve(file.name()),
        file.bytes(),
        file.sha256(),
        manifest.exportId());
    return 0;
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Recompute an export folder's SHA-256 hashes against its manifest.json.")
  static final class Verify implements Callable<Integer> {

    @Parameters(paramLabel = "FOLDER", description = "The folder trail export wrote.")
    Path folder;

    @Override
    public Integer call() throws Exception {
      List<String> problems = ManifestVerifier.verify(folder);
      if (problems.isEmpty()) {
        System.out.println("OK: every file matches " + folder.resolve("manifest.json"));
        return 0;
      }
      problems.forEach(p -> System.out.println("DIFFERS " + p));
      return 1;
    }
  }
}
