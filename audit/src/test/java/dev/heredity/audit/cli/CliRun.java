package dev.heredity.audit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the CLI with captured stdout and stderr. */
record CliRun(int exit, String out, String err) {

  static CliRun of(String... args) {
    return of(HeredityCli.commandLine(), args);
  }

  static CliRun of(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** stderr lines, without the trailing empty one. */
  java.util.List<String> errLines() {
    return err.lines().toList();
  }
}
