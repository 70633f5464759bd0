package io.activitytrail.cli;

/**
 * A picocli {@code @Command} that a module outside the production jars adds to {@code trail}
 * through {@link java.util.ServiceLoader} (META-INF/services/io.activitytrail.cli.Subcommand).
 */
public interface Subcommand {}
