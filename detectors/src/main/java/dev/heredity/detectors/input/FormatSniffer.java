package dev.heredity.detectors.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Guesses the input format from the file name and its first non-blank line. */
public final class FormatSniffer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatSniffer() {
    }

    public static InputFormat detect(Path file, String field) {
        if (DataFiles.baseName(file).endsWith(".csv")) {
            return InputFormat.CSV;
        }
        String first = firstNonBlankLine(file);
        if (first == null) {
            throw new InvalidInputException(file + ": no records (the file is empty)");
        }
        if (!first.stripLeading().startsWith("{")) {
            return InputFormat.LINES;
        }
        JsonNode node;
        try {
            node = JSON.readTree(first);
        } catch (IOException e) {
            return InputFormat.LINES;
        }
        if (node.has("messages")) {
            return InputFormat.CHAT;
        }
        if (node.has("completion")) {
            return InputFormat.PROMPT_COMPLETION;
        }
        if (node.has("text") || field != null) {
            return InputFormat.TEXT;
        }
        throw new InvalidInputException(file + ":1: cannot tell where the generated text is: expected a "
                + "\"messages\", \"completion\" or \"text\" field (name one with --field)");
    }

    private static String firstNonBlankLine(Path file) {
        try (BufferedReader reader = DataFiles.open(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
