package dev.heredity.audit.cli;

import picocli.CommandLine.Option;

/** Flags every command accepts; mixed in with {@code @Mixin}. */
public final class CommonOptions {
  @Option(names = "--debug", description = "Print stack traces for errors.")
  boolean debug;

  @Option(
      names = "--no-color",
      description = "No colour in help (also: the NO_COLOR environment variable).")
  boolean noColor;

  public boolean debug() {
    return debug;
  }
}
