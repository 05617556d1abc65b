package dev.heredity.detectors;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Layout of the records of a dataset; {@code null} in a request means "detect from the first
 * record". JSONL, JSON Lines in gzip and Parquet rows share the JSON layouts; CSV is its own layout
 * (a header row).
 */
public enum InputFormat {
  /**
   * {@code {"messages":[{"role":...,"content":...}]}}: assistant turns are the data, last user turn
   * the prompt.
   */
  CHAT(List.of("messages")),
  /**
   * ShareGPT {@code {"conversations":[{"from":"human","value":...},{"from":"gpt","value":...}]}}.
   */
  SHAREGPT(List.of("conversations")),
  /**
   * Alpaca {@code {"instruction":...,"input":...,"output":...}}: output is the data, instruction +
   * input the prompt.
   */
  ALPACA(List.of("instruction", "output")),
  /** {@code {"prompt":...,"completion":...}}; the prompt may be missing. */
  PROMPT_COMPLETION(List.of("completion")),
  /** {@code {"text":...}} (an optional {@code "prompt"} is kept). */
  TEXT(List.of("text")),
  /** One record per non-blank line. */
  LINES(List.of()),
  /**
   * CSV with a header row; the text column is the named field or the first of
   * text/completion/response/output.
   */
  CSV(List.of());

  private final List<String> keys;

  InputFormat(List<String> keys) {
    this.keys = keys;
  }

  /** The keys (JSON) or columns (Parquet) that identify the layout; empty for lines and CSV. */
  public List<String> keys() {
    return keys;
  }

  /** The JSON layouts, in the order they are recognised. */
  public static List<InputFormat> jsonLayouts() {
    return List.of(CHAT, SHAREGPT, ALPACA, PROMPT_COMPLETION, TEXT);
  }

  /** The manifest/CLI spelling: {@code chat}, {@code sharegpt}, {@code prompt-completion}, ... */
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
    throw new IllegalArgumentException(
        "unknown input format '"
            + value
            + "' (expected one of "
            + Arrays.stream(values()).map(InputFormat::id).collect(Collectors.joining(", "))
            + ")");
  }
}
