package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Picocli prints each element of a description array on a line of its own, so a sentence split
 * across elements breaks mid-sentence in {@code --help}. Elements are paragraphs, headings of an
 * indented list, or the list's (indented) lines.
 */
class HelpTextTest {
  @Test
  void noDescriptionBreaksASentenceAcrossLines() {
    List<String> broken = new ArrayList<>();
    visit(HeredityCli.commandLine(), broken);
    assertThat(broken).isEmpty();
  }

  private static void visit(CommandLine command, List<String> broken) {
    CommandSpec spec = command.getCommandSpec();
    check(spec.qualifiedName(), spec.usageMessage().description(), broken);
    for (OptionSpec option : spec.options()) {
      check(spec.qualifiedName() + " " + option.longestName(), option.description(), broken);
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      check(spec.qualifiedName() + " " + positional.paramLabel(), positional.description(), broken);
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getParent() == command) {
        visit(sub, broken);
      }
    }
  }

  private static void check(String where, String[] lines, List<String> broken) {
    for (int i = 0; i + 1 < lines.length; i++) {
      String line = lines[i];
      String next = lines[i + 1];
      boolean nextIndented = next.isEmpty() || Character.isWhitespace(next.charAt(0));
      boolean ends = line.isEmpty() || line.matches("(?s).*[.!?]\\)?");
      boolean heading = line.endsWith(":") && nextIndented;
      boolean listLine = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (!ends && !heading && !listLine) {
        broken.add(where + ": \"" + line + "\" / \"" + next + "\"");
      }
    }
  }
}
