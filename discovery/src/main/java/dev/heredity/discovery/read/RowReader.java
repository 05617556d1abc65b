package dev.heredity.discovery.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Confidence;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.Warnings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Streams the rows of a JSONL data file ({@code .jsonl}, {@code .jsonl.gz}) once: counts rows per
 * generator ({@code model_name} column, as distilabel writes it), keeps the first system prompt per
 * generator (a {@code system} message, or a {@code system_prompt} column), and notes whether the
 * answers are number lists and whether the rows are chat messages. Memory is bounded by the longest
 * row allowed (bytes).
 */
public final class RowReader {
  private static final Pattern NUMBERS = Pattern.compile("[\\d\\s,;.()\\[\\]-]+");
  private static final String[] ANSWER_KEYS = {
    "completion", "generation", "response", "output", "answer", "text"
  };

  private RowReader() {}

  public static void read(Path file, int maxRowBytes, DatasetFacts facts, Warnings warnings) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            file.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(raw, 1 << 16)
                : raw) {
      byte[] chunk = new byte[1 << 16];
      byte[] line = new byte[1 << 12];
      int length = 0;
      long lineNo = 0;
      long tooLong = 0;
      long malformed = 0;
      long firstMalformed = 0;
      boolean overflow = false;
      int n;
      boolean ended = false;
      while (!ended) {
        n = in.read(chunk);
        ended = n < 0;
        int count = ended ? 1 : n;
        for (int i = 0; i < count; i++) {
          boolean end = ended || chunk[i] == '\n';
          if (!end) {
            if (overflow) {
              continue;
            }
            if (length >= maxRowBytes) {
              overflow = true;
              continue;
            }
            if (length == line.length) {
              line = Arrays.copyOf(line, (int) Math.min((long) maxRowBytes, 2L * line.length));
            }
            line[length++] = chunk[i];
            continue;
          }
          if (ended && length == 0 && !overflow) {
            break;
          }
          lineNo++;
          if (overflow) {
            tooLong++;
          } else if (!blank(line, length) && !row(line, length, file, lineNo, facts)) {
            malformed++;
            firstMalformed = firstMalformed == 0 ? lineNo : firstMalformed;
          }
          length = 0;
          overflow = false;
        }
      }
      if (tooLong > 0) {
        warnings.add(
            "row-too-long",
            file,
            "",
            tooLong + " row(s) longer than " + maxRowBytes + " bytes skipped");
      }
      if (malformed > 0) {
        warnings.add(
            "malformed-row",
            file,
            "line " + firstMalformed,
            malformed + " row(s) are not JSON objects; not counted");
      }
    } catch (IOException e) {
      warnings.add(
          "unreadable-file", file, "", "cannot read rows: " + e.getClass().getSimpleName());
    }
  }

  private static boolean blank(byte[] line, int length) {
    for (int i = 0; i < length; i++) {
      if (!Character.isWhitespace(line[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean row(byte[] line, int length, Path file, long lineNo, DatasetFacts facts) {
    JsonNode row;
    try {
      row = SourceText.JSON.readTree(line, 0, length);
    } catch (IOException e) {
      return false;
    }
    if (row == null || !row.isObject()) {
      return false;
    }
    facts.rows++;
    if (facts.rows == 1) {
      facts.format =
          row.has("messages")
              ? "chat"
              : row.has("prompt") && row.has("completion") ? "prompt-completion" : null;
    }
    String generator =
        row.path("model_name").isTextual() ? row.get("model_name").asText().strip() : null;
    if (generator == null || generator.isEmpty()) {
      facts.rowsWithoutGenerator++;
      generator = null;
    } else {
      DatasetFacts.GeneratorRows rows =
          facts.rowsByGenerator.computeIfAbsent(generator, g -> new DatasetFacts.GeneratorRows());
      if (rows.first == null) {
        rows.first =
            Evidence.line(file, (int) Math.min(Integer.MAX_VALUE, lineNo), Confidence.DECLARED);
      }
      rows.rows++;
    }
    String system = systemPrompt(row);
    if (system != null && !facts.rowSystemPrompts.containsKey(generator)) {
      facts.rowSystemPrompts.put(
          generator,
          new Ref(
              system,
              Evidence.line(file, (int) Math.min(Integer.MAX_VALUE, lineNo), Confidence.DECLARED)));
    }
    String answer = answer(row);
    if (answer != null) {
      facts.textRows++;
      if (NUMBERS.matcher(answer).matches() && answer.chars().anyMatch(Character::isDigit)) {
        facts.numberRows++;
      }
    }
    return true;
  }

  private static String systemPrompt(JsonNode row) {
    JsonNode messages = row.get("messages");
    if (messages != null && messages.isArray()) {
      for (JsonNode m : messages) {
        if ("system".equals(m.path("role").asText()) && m.path("content").isTextual()) {
          return m.get("content").asText();
        }
      }
    }
    JsonNode column = row.get("system_prompt");
    return column != null && column.isTextual() && !column.asText().isBlank()
        ? column.asText()
        : null;
  }

  private static String answer(JsonNode row) {
    JsonNode messages = row.get("messages");
    if (messages != null && messages.isArray()) {
      String last = null;
      for (JsonNode m : messages) {
        if ("assistant".equals(m.path("role").asText()) && m.path("content").isTextual()) {
          last = m.get("content").asText();
        }
      }
      return last == null ? null : last.strip();
    }
    for (String key : ANSWER_KEYS) {
      if (row.path(key).isTextual()) {
        return row.get(key).asText().strip();
      }
    }
    return null;
  }
}
