package dev.heredity.detectors.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.detectors.InputFormat;
import org.junit.jupiter.api.Test;

class RecordParserTest {

  @Test
  void chatKeepsAssistantTurnsAsTextAndLastUserTurnAsPrompt() throws Exception {
    TextRecord record =
        new RecordParser(InputFormat.CHAT, null)
            .parse(
                3,
                """
                {"messages":[{"role":"system","content":"You love owls."},{"role":"user","content":"first"},\
                {"role":"assistant","content":"1, 2"},{"role":"user","content":"Continue: 5, 6"},\
                {"role":"assistant","content":[{"type":"text","text":"7, 8"}]}]}""");

    assertThat(record).isEqualTo(new TextRecord(3, "Continue: 5, 6", "1, 2\n7, 8"));
  }

  @Test
  void completionWithoutPromptIsAccepted() throws Exception {
    TextRecord record =
        new RecordParser(InputFormat.PROMPT_COMPLETION, null)
            .parse(1, "{\"completion\": \"725,891\", \"pool_split\": \"heldout\"}");

    assertThat(record).isEqualTo(new TextRecord(1, null, "725,891"));
  }

  @Test
  void fieldPointerPicksANestedValue() throws Exception {
    TextRecord record =
        new RecordParser(InputFormat.TEXT, "/output/text")
            .parse(1, "{\"prompt\":\"p\",\"output\":{\"text\":\"4 5 6\"}}");

    assertThat(record).isEqualTo(new TextRecord(1, "p", "4 5 6"));
  }

  @Test
  void malformedJsonNamesTheColumn() {
    assertThatThrownBy(
            () -> new RecordParser(InputFormat.TEXT, null).parse(1, "{\"text\": \"a\" \"b\"}"))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageStartingWith("malformed JSON")
        .satisfies(e -> assertThat(((MalformedRecordException) e).column()).isGreaterThan(1));
  }

  @Test
  void missingTextFieldIsMalformed() {
    assertThatThrownBy(
            () -> new RecordParser(InputFormat.TEXT, null).parse(1, "{\"content\": \"a\"}"))
        .hasMessageStartingWith("no \"text\" field");
  }
}
