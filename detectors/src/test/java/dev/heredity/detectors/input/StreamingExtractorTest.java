package dev.heredity.detectors.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.InputFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path reads exactly what the tree path reads: on records of every layout and
 * their odd variants (duplicate keys, nulls, numbers, content parts, missing fields, malformed
 * JSON, trailing text), the parser gives the same record or the same error as parsing the tree.
 */
class StreamingExtractorTest {
  private static final String[] SPEAKERS = {
    "\"user\"",
    "\"assistant\"",
    "\"system\"",
    "\"gpt\"",
    "\"human\"",
    "\"model\"",
    "\"USER\"",
    "null",
    "1",
    "{}"
  };
  private static final String[] VALUES = {
    "\"1, 2, 3\"",
    "\"Sure: 4, 5\\n6\"",
    "\"\\u00e9t\\u00e9 \\ud83d\\ude00 42\"",
    "\"\"",
    "null",
    "7",
    "1.5e3",
    "true",
    "[{\"type\":\"text\",\"text\":\"8, 9\"},\"10\"]",
    "{\"text\":\"x\"}",
    "[]"
  };

  @Test
  void sameRecordOrErrorAsTheTreeOnVariedRecords() {
    Random random = new Random(3);
    List<RecordParser> parsers =
        List.of(
            new RecordParser(InputFormat.CHAT, null),
            new RecordParser(InputFormat.SHAREGPT, null),
            new RecordParser(InputFormat.ALPACA, null),
            new RecordParser(InputFormat.PROMPT_COMPLETION, null),
            new RecordParser(InputFormat.TEXT, null),
            new RecordParser(InputFormat.TEXT, "answer", "question"),
            new RecordParser(InputFormat.CHAT, "/answer"),
            new RecordParser(InputFormat.ALPACA, null, "/question"),
            new RecordParser(InputFormat.TEXT, "/output/text"),
            new RecordParser(InputFormat.TEXT, "text", "text"));
    int streamed = 0;
    for (int i = 0; i < 30_000; i++) {
      String raw = randomRecord(random);
      for (RecordParser parser : parsers) {
        String viaTree = outcome(() -> parser.parse(1, RecordParser.readJson(raw)));
        String viaParser = outcome(() -> parser.parse(1, raw));
        assertThat(viaParser).as(parser.format() + " " + raw).isEqualTo(viaTree);
        String viaBytes = outcome(() -> parser.parse(1, raw.getBytes(StandardCharsets.US_ASCII)));
        assertThat(viaBytes).as(parser.format() + " bytes " + raw).isEqualTo(viaTree);
        TextRecord fast = parser.streamed(1, raw);
        if (fast != null) {
          assertThat(fast.toString()).as(parser.format() + " " + raw).isEqualTo(viaTree);
          streamed++;
        }
      }
    }
    assertThat(streamed).isGreaterThan(5_000);
  }

  @Test
  void theCommonShapesTakeTheFastPath() {
    assertThat(
            StreamingExtractor.of(
                    RecordParser.JSON.getFactory(),
                    InputFormat.CHAT,
                    null,
                    null,
                    java.util.Set.of("assistant"),
                    java.util.Set.of("user"))
                .extract(
                    2,
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
                        + "{\"role\":\"assistant\",\"content\":\"1, 2\"}],\"id\":[1,{\"a\":null}]}"))
        .isEqualTo(new TextRecord(2, "q", "1, 2"));
  }

  private interface Parse {
    TextRecord run() throws MalformedRecordException;
  }

  private static String outcome(Parse parse) {
    try {
      return parse.run().toString();
    } catch (MalformedRecordException e) {
      return "error " + e.column() + " " + e.getMessage();
    }
  }

  @Test
  void asciiLinesComeAsBytesOthersAsStringsBlankOnesNot() throws Exception {
    String text =
        "\uFEFF{\"text\":\"1, 2\"}\r\n \t \n\u3000\n{\"text\":\"\u00e9 3\"}\n\n{\"text\":\"4\"}";
    try (LineReader lines =
        new LineReader(
            java.nio.file.Path.of("x.jsonl"),
            new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            1 << 20)) {
      RecordParser parser = new RecordParser(InputFormat.TEXT, null);
      RecordSource.RawRecord first = lines.nextRecord();
      RecordSource.RawRecord second = lines.nextRecord();
      RecordSource.RawRecord third = lines.nextRecord();

      assertThat(first.ascii()).isNotNull();
      assertThat(parser.parse(first)).isEqualTo(new TextRecord(1, null, "1, 2"));
      assertThat(second.raw()).isNotNull();
      assertThat(parser.parse(second)).isEqualTo(new TextRecord(4, null, "\u00e9 3"));
      assertThat(parser.parse(third)).isEqualTo(new TextRecord(6, null, "4"));
      assertThat(lines.nextRecord()).isNull();
    }
  }

  private static String randomRecord(Random random) {
    List<String> fields = new ArrayList<>();
    String[] keys = {
      "messages",
      "conversations",
      "instruction",
      "input",
      "output",
      "prompt",
      "completion",
      "text",
      "answer",
      "question",
      "meta"
    };
    int n = 1 + random.nextInt(5);
    for (int k = 0; k < n; k++) {
      String key = keys[random.nextInt(keys.length)];
      String value =
          key.equals("messages") || key.equals("conversations")
              ? random.nextInt(8) == 0 ? pick(random, VALUES) : turns(random, key)
              : key.equals("meta") || random.nextInt(6) == 0
                  ? "{\"text\":" + pick(random, VALUES) + ",\"n\":[1,2,{\"x\":null}]}"
                  : pick(random, VALUES);
      fields.add("\"" + key + "\":" + value);
    }
    String json = "{" + String.join(",", fields) + "}";
    return switch (random.nextInt(30)) {
      case 0 -> json.substring(0, random.nextInt(json.length()));
      case 1 -> json + " trailing";
      case 2 -> "[" + json + "]";
      case 3 -> json.replace(":", " ");
      case 4 -> "  " + json + "\t";
      default -> json;
    };
  }

  private static String turns(Random random, String key) {
    boolean chat = key.equals("messages");
    List<String> turns = new ArrayList<>();
    int n = random.nextInt(5);
    for (int t = 0; t < n; t++) {
      if (random.nextInt(15) == 0) {
        turns.add(pick(random, VALUES));
        continue;
      }
      String speaker = (chat ? "\"role\":" : "\"from\":") + pick(random, SPEAKERS);
      String content = (chat ? "\"content\":" : "\"value\":") + pick(random, VALUES);
      List<String> parts = new ArrayList<>(List.of(speaker, content));
      if (random.nextInt(10) == 0) {
        parts.add(random.nextBoolean() ? speaker : content);
      }
      if (random.nextInt(4) == 0) {
        parts.add("\"name\":{\"a\":[1,2]}");
      }
      if (random.nextInt(8) == 0) {
        parts.remove(random.nextInt(parts.size()));
      }
      java.util.Collections.shuffle(parts, random);
      turns.add("{" + String.join(",", parts) + "}");
    }
    return "[" + String.join(",", turns) + "]";
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
