package dev.heredity.detectors.input;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.detectors.InputFormat;

/**
 * Turns one JSONL line (or plain line) into a {@link TextRecord}. Thread-safe: workers share one instance.
 */
public final class RecordParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputFormat format;
    private final JsonPointer field;
    private final String fieldName;

    public RecordParser(InputFormat format, String field) {
        this.format = format;
        this.fieldName = field;
        this.field = field == null || format == InputFormat.CSV || format == InputFormat.LINES
                ? null : pointer(field);
    }

    public InputFormat format() {
        return format;
    }

    /** The field as given (JSON pointer or CSV column), {@code null} for the format's default. */
    public String field() {
        return fieldName;
    }

    /** A field given as {@code completion} is read as the pointer {@code /completion}. */
    static JsonPointer pointer(String field) {
        try {
            return JsonPointer.compile(field.startsWith("/") ? field : "/" + field);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JSON pointer '" + field + "': " + e.getMessage());
        }
    }

    public TextRecord parse(int line, String raw) throws MalformedRecordException {
        if (format == InputFormat.LINES) {
            return new TextRecord(line, null, raw);
        }
        JsonNode node = readJson(raw);
        if (!node.isObject()) {
            throw new MalformedRecordException(1, "expected a JSON object");
        }
        String prompt = text(node.get("prompt"));
        if (field != null) {
            JsonNode value = node.at(field);
            if (value.isMissingNode() || value.isNull()) {
                throw new MalformedRecordException(0, "no field " + field);
            }
            return new TextRecord(line, format == InputFormat.CHAT ? lastUserTurn(node) : prompt, text(value));
        }
        return switch (format) {
            case CHAT -> chat(line, node);
            case PROMPT_COMPLETION -> new TextRecord(line, prompt, required(node, "completion"));
            case TEXT -> new TextRecord(line, prompt, required(node, "text"));
            default -> throw new IllegalStateException("not a JSON format: " + format);
        };
    }

    private static JsonNode readJson(String raw) throws MalformedRecordException {
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new MalformedRecordException(column, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static TextRecord chat(int line, JsonNode node) throws MalformedRecordException {
        JsonNode messages = node.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new MalformedRecordException(0, "no \"messages\" array");
        }
        StringBuilder assistant = new StringBuilder();
        for (JsonNode message : messages) {
            if ("assistant".equals(message.path("role").asText())) {
                if (assistant.length() > 0) {
                    assistant.append('\n');
                }
                assistant.append(text(message.get("content")));
            }
        }
        if (assistant.length() == 0) {
            throw new MalformedRecordException(0, "no assistant turn in \"messages\"");
        }
        return new TextRecord(line, lastUserTurn(node), assistant.toString());
    }

    private static String lastUserTurn(JsonNode node) {
        String prompt = null;
        for (JsonNode message : node.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                prompt = text(message.get("content"));
            }
        }
        return prompt;
    }

    private static String required(JsonNode node, String name) throws MalformedRecordException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new MalformedRecordException(0, "no \"" + name + "\" field");
        }
        return text(value);
    }

    /** Strings as is; content-part arrays ({@code [{"type":"text","text":...}]}) concatenated. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : value) {
                sb.append(part.isTextual() ? part.textValue() : part.path("text").asText(""));
            }
            return sb.toString();
        }
        return value.toString();
    }
}
