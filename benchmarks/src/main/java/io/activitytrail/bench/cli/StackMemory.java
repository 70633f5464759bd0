package io.activitytrail.bench.cli;

import io.activitytrail.stack.ServiceStatus;
import io.activitytrail.stack.StackStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resident memory of the stack's services, from {@code /proc/<pid>/status}: VmRSS (now) and VmHWM
 * (peak since the process started), of the PIDs {@code trail status} names. Child processes are not
 * added (PostgreSQL's backends share most of their pages with the postmaster).
 */
public record StackMemory(Map<String, Usage> services) {

  /** Kibibytes, as the kernel reports them. */
  public record Usage(long rssKib, long peakKib) {}

  public static StackMemory of(StackStatus status) {
    Map<String, Usage> services = new LinkedHashMap<>();
    for (ServiceStatus s : status.services()) {
      if (s.running() && s.pid().isPresent()) {
        read(Path.of("/proc", Long.toString(s.pid().getAsLong()), "status"))
            .ifPresent(usage -> services.put(s.service().key(), usage));
      }
    }
    return new StackMemory(services);
  }

  static java.util.Optional<Usage> read(Path procStatus) {
    List<String> lines;
    try {
      lines = Files.readAllLines(procStatus);
    } catch (IOException e) {
      return java.util.Optional.empty(); // the process ended between status and this read
    }
    return java.util.Optional.of(parse(lines));
  }

  /** The VmRSS and VmHWM lines of a /proc status file ("VmHWM:\t 123456 kB"). */
  static Usage parse(List<String> lines) {
    long rss = 0;
    long peak = 0;
    for (String line : lines) {
      if (line.startsWith("VmRSS:")) {
        rss = kib(line);
      } else if (line.startsWith("VmHWM:")) {
        peak = kib(line);
      }
    }
    return new Usage(rss, peak);
  }

  private static long kib(String line) {
    String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
    return Long.parseLong(parts[0]);
  }

  public long totalRssKib() {
    return services.values().stream().mapToLong(Usage::rssKib).sum();
  }

  public long totalPeakKib() {
    return services.values().stream().mapToLong(Usage::peakKib).sum();
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("stack_rss_mib", totalRssKib() / 1024);
    json.put("stack_peak_rss_mib", totalPeakKib() / 1024);
    Map<String, Object> each = new LinkedHashMap<>();
    services.forEach(
        (name, u) ->
            each.put(
                name, Map.of("rss_mib", u.rssKib() / 1024, "peak_rss_mib", u.peakKib() / 1024)));
    json.put("services", each);
    return json;
  }
}
