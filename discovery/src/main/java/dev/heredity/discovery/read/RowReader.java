package dev.heredity.discovery.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Confidence;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.Warnings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Streams the rows of a JSONL data file ({@code .jsonl}, {@code .jsonl.gz}) once: counts rows per generator
 * ({@code model_name} column, as distilabel writes it), keeps the first system prompt per generator (a
 * {@code system} message, or a {@code system_prompt} column), and notes whether the answers are number lists
 * and whether the rows are chat messages. Memory is bounded by the longest row allowed.
 */
public final class RowReader {
    private static final Pattern NUMBERS = Pattern.compile("[\\d\\s,;.()\\[\\]-]+");
    private static final String[] ANSWER_KEYS = {"completion", "generation", "response", "output", "answer", "text"};

    private RowReader() {
    }

    public static void read(Path file, int maxRowBytes, DatasetFacts facts, Warnings warnings) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder line = new StringBuilder();
            long lineNo = 0;
            long tooLong = 0;
            long malformed = 0;
            long firstMalformed = 0;
            boolean overflow = false;
            int c;
            while (true) {
                c = reader.read();
                if (c == '\n' || c == -1) {
                    if (c == -1 && line.length() == 0 && !overflow) {
                        break;
                    }
                    lineNo++;
                    if (overflow) {
                        tooLong++;
                    } else if (!line.toString().isBlank() && !row(line.toString(), file, lineNo, facts)) {
                        malformed++;
                        firstMalformed = firstMalformed == 0 ? lineNo : firstMalformed;
                    }
                    line.setLength(0);
                    overflow = false;
                    if (c == -1) {
                        break;
                    }
                } else if (!overflow) {
                    if (line.length() >= maxRowBytes) {
                        overflow = true;
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
            }
            if (tooLong > 0) {
                warnings.add("row-too-long", file, "", tooLong + " row(s) longer than " + maxRowBytes + " characters skipped");
            }
            if (malformed > 0) {
                warnings.add("malformed-row", file, "line " + firstMalformed, malformed
                        + " row(s) are not JSON objects; not counted");
            }
        } catch (IOException e) {
            warnings.add("unreadable-file", file, "", "cannot read rows: " + e.getClass().getSimpleName());
        }
    }

    private static boolean row(String text, Path file, long lineNo, DatasetFacts facts) {
        JsonNode row;
        try {
            row = SourceText.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return false;
        }
        if (row == null || !row.isObject()) {
            return false;
        }
        facts.rows++;
        if (facts.rows == 1) {
            facts.format = row.has("messages") ? "chat" : row.has("prompt") && row.has("completion") ? "prompt-completion"
                    : null;
        }
        String generator = row.path("model_name").isTextual() ? row.get("model_name").asText().strip() : null;
        if (generator == null || generator.isEmpty()) {
            facts.rowsWithoutGenerator++;
            generator = null;
        } else {
            DatasetFacts.GeneratorRows rows = facts.rowsByGenerator.computeIfAbsent(generator,
                    g -> new DatasetFacts.GeneratorRows());
            if (rows.first == null) {
                rows.first = Evidence.line(file, (int) Math.min(Integer.MAX_VALUE, lineNo), Confidence.DECLARED);
            }
            rows.rows++;
        }
        String system = systemPrompt(row);
        if (system != null && !facts.rowSystemPrompts.containsKey(generator)) {
            facts.rowSystemPrompts.put(generator, new Ref(system, Evidence.line(file,
                    (int) Math.min(Integer.MAX_VALUE, lineNo), Confidence.DECLARED)));
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
        return column != null && column.isTextual() && !column.asText().isBlank() ? column.asText() : null;
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
