package dev.heredity.detectors;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Layout of a dataset file; {@code null} in a request means "detect from the first record". */
public enum InputFormat {
    /** JSONL {@code {"messages":[{"role":...,"content":...}]}}: assistant turns are the data, last user turn the prompt. */
    CHAT,
    /** JSONL {@code {"prompt":...,"completion":...}}; the prompt may be missing. */
    PROMPT_COMPLETION,
    /** JSONL {@code {"text":...}} (an optional {@code "prompt"} is kept). */
    TEXT,
    /** One record per non-blank line. */
    LINES,
    /** CSV with a header row; the text column is {@code --field} or the first of text/completion/response/output. */
    CSV;

    /** The manifest/CLI spelling: {@code chat}, {@code prompt-completion}, {@code text}, {@code lines}, {@code csv}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static InputFormat parse(String value) {
        String wanted = value == null ? "" : value.trim().replace('_', '-');
        for (InputFormat f : values()) {
            if (f.id().equalsIgnoreCase(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown input format '" + value + "' (expected one of "
                + Arrays.stream(values()).map(InputFormat::id).collect(Collectors.joining(", ")) + ")");
    }
}
