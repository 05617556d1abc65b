package dev.heredity.detectors.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import dev.heredity.detectors.InputFormat;
import java.io.IOException;
import java.util.Set;

/**
 * Reads the text and prompt of a record in a known layout straight off Jackson's token stream,
 * without building a tree: the full pass reads every record, and the tree costs most of the
 * parsing. It handles the common shape only (the fields it needs as strings or null, each once,
 * turns as objects) and returns {@code null} for anything else, malformed JSON included; {@link
 * RecordParser} then reads the record as a tree, which gives the same record or the located error.
 * So the two paths never disagree on a record this one accepts.
 */
final class StreamingExtractor {
  /** A field that was present with the JSON value null (absent fields stay Java null). */
  private static final String NULL = new String("null");

  private final JsonFactory factory;
  private final InputFormat format;
  private final Set<String> assistant;
  private final Set<String> user;

  /** Top-level keys read as strings: the text's, the prompt's (null when not wanted). */
  private final String textKey;

  private final String promptKey;

  /** The second prompt key of Alpaca ({@code input}), else null. */
  private final String inputKey;

  /** The turns array and the keys inside a turn, for chat and ShareGPT; else null. */
  private final String turnsKey;

  private final String speakerKey;
  private final String contentKey;

  private StreamingExtractor(
      JsonFactory factory,
      InputFormat format,
      String textKey,
      String promptKey,
      String inputKey,
      String turnsKey,
      String speakerKey,
      String contentKey,
      Set<String> assistant,
      Set<String> user) {
    this.factory = factory;
    this.format = format;
    this.textKey = textKey;
    this.promptKey = promptKey;
    this.inputKey = inputKey;
    this.turnsKey = turnsKey;
    this.speakerKey = speakerKey;
    this.contentKey = contentKey;
    this.assistant = assistant;
    this.user = user;
  }

  /**
   * An extractor for the layout, or null when the fields are not all top-level names (a nested
   * pointer is read from the tree).
   */
  static StreamingExtractor of(
      JsonFactory factory,
      InputFormat format,
      JsonPointer field,
      JsonPointer promptField,
      Set<String> assistant,
      Set<String> user) {
    String text = field == null ? null : topLevelName(field);
    String prompt = promptField == null ? null : topLevelName(promptField);
    if (field != null && text == null || promptField != null && prompt == null) {
      return null;
    }
    boolean chat = format == InputFormat.CHAT;
    boolean turns = chat || format == InputFormat.SHAREGPT;
    String turnsKey = turns ? (chat ? "messages" : "conversations") : null;
    if (text == null) {
      text =
          switch (format) {
            case CHAT, SHAREGPT -> null;
            case ALPACA -> "output";
            case PROMPT_COMPLETION -> "completion";
            case TEXT -> "text";
            default -> throw new IllegalStateException("not a JSON layout: " + format);
          };
    }
    String input = null;
    if (prompt == null && promptField == null && !turns) {
      prompt = format == InputFormat.ALPACA ? "instruction" : "prompt";
      input = format == InputFormat.ALPACA ? "input" : null;
    }
    boolean turnText = field == null && turns;
    boolean turnPrompt = promptField == null && turns;
    if (!turnText && !turnPrompt) {
      turnsKey = null;
    }
    if (text != null && (text.equals(prompt) || text.equals(input) || text.equals(turnsKey))
        || prompt != null && (prompt.equals(input) || prompt.equals(turnsKey))) {
      return null; // one key read two ways: leave it to the tree
    }
    return new StreamingExtractor(
        factory,
        format,
        turnText ? null : text,
        prompt,
        input,
        turnsKey,
        turns ? (chat ? "role" : "from") : null,
        turns ? (chat ? "content" : "value") : null,
        assistant,
        user);
  }

  /** The property name of a one-step pointer ({@code /completion}), else null. */
  private static String topLevelName(JsonPointer pointer) {
    JsonPointer tail = pointer.tail();
    return pointer.matches() || tail == null || !tail.matches()
        ? null
        : pointer.getMatchingProperty();
  }

  /** The record, or null when the tree must decide (odd shape, missing field, malformed JSON). */
  TextRecord extract(int line, String raw) {
    try (JsonParser parser = factory.createParser(raw)) {
      return extract(line, parser);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The same for a line of ASCII bytes (read without decoding it to a string first). */
  TextRecord extract(int line, byte[] ascii) {
    try (JsonParser parser = factory.createParser(ascii)) {
      return extract(line, parser);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private TextRecord extract(int line, JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    String text = null;
    String prompt = null;
    String input = null;
    Turns turns = null;
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals(textKey)) {
        if (text != null || (text = string(parser, value)) == null) {
          return null;
        }
      } else if (name.equals(promptKey)) {
        if (prompt != null || (prompt = string(parser, value)) == null) {
          return null;
        }
      } else if (name.equals(inputKey)) {
        if (input != null || (input = string(parser, value)) == null) {
          return null;
        }
      } else if (name.equals(turnsKey)) {
        if (turns != null || value != JsonToken.START_ARRAY || (turns = turns(parser)) == null) {
          return null;
        }
      } else {
        parser.skipChildren();
      }
    }
    if (token != JsonToken.END_OBJECT) {
      return null;
    }
    String answer;
    if (textKey != null) {
      if (text == null || text == NULL) {
        return null; // missing: the tree names the error
      }
      answer = text;
    } else {
      if (turns == null || turns.answer == null) {
        return null;
      }
      answer = turns.answer.toString();
    }
    String question;
    if (turnsKey != null && promptKey == null) {
      question = turns == null ? null : turns.prompt;
    } else if (format == InputFormat.ALPACA && inputKey != null) {
      question = alpacaPrompt(orNull(prompt), orNull(input));
    } else {
      question = orNull(prompt);
    }
    return new TextRecord(line, question, answer);
  }

  private static String orNull(String value) {
    return value == NULL ? null : value;
  }

  /** As {@code RecordParser.alpacaPrompt}. */
  private static String alpacaPrompt(String instruction, String input) {
    if (input == null || input.isBlank()) {
      return instruction;
    }
    return instruction == null ? input : instruction + "\n\n" + input;
  }

  /** A string value, {@link #NULL} for null, Java null for any other value (the tree decides). */
  private static String string(JsonParser parser, JsonToken value) throws IOException {
    return value == JsonToken.VALUE_STRING
        ? parser.getText()
        : value == JsonToken.VALUE_NULL ? NULL : null;
  }

  /** The assistant turns joined by line breaks (null when none) and the last user turn. */
  private static final class Turns {
    StringBuilder answer;
    String prompt;
  }

  private Turns turns(JsonParser parser) throws IOException {
    Turns turns = new Turns();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
      String speaker = null;
      String content = null;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(speakerKey)) {
          if (speaker != null || (speaker = string(parser, value)) == null) {
            return null;
          }
        } else if (name.equals(contentKey)) {
          if (content != null || (content = string(parser, value)) == null) {
            return null;
          }
        } else {
          parser.skipChildren();
        }
      }
      if (token != JsonToken.END_OBJECT) {
        return null;
      }
      content = orNull(content);
      if (speaker != null && speaker != NULL) {
        if (assistant.contains(speaker)) {
          if (turns.answer == null) {
            turns.answer = new StringBuilder();
          } else {
            turns.answer.append('\n');
          }
          turns.answer.append(content == null ? "" : content);
        }
        if (user.contains(speaker)) {
          turns.prompt = content;
        }
      }
    }
    return token == JsonToken.END_ARRAY ? turns : null;
  }
}
