package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void plainTextIsUnchanged() {
    assertThat(TerminalText.line("Qwen/Qwen2.5-7B owl été 🦉"))
        .isEqualTo("Qwen/Qwen2.5-7B owl été 🦉");
  }

  @Test
  void everyControlIsVisibleAndNoneSurvives() {
    String hostile = "a\nb\rc\td\u001b[2J\u001b]0;pwned\u0007e\u0000f\u007fg\u009bh\u202ei\u2028j";
    String shown = TerminalText.line(hostile);

    assertThat(shown)
        .isEqualTo("a\\nb\\rc\\td\\e[2J\\e]0;pwned\\x07e\\x00f\\x7fg\\x9bh\\u202ei\\u2028j");
    assertThat(shown.chars()).allMatch(c -> c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f));
  }

  @Test
  void aLoneSurrogateIsEscapedAndAPairIsKept() {
    assertThat(TerminalText.line("x\ud800y")).isEqualTo("x\\ud800y");
    assertThat(TerminalText.line("\ud83e\udd89")).isEqualTo("\ud83e\udd89");
  }
}
