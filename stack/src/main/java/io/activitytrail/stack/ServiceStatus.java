package io.activitytrail.stack;

import java.nio.file.Path;
import java.util.OptionalLong;

/** One process of the stack as {@code trail status} sees it. */
public record ServiceStatus(
    ServiceId service, OptionalLong pid, boolean running, String endpoint, Path log) {}
