package dev.heredity.lineage.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.heredity.lineage.FileKind;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.IoReasons;
import dev.heredity.lineage.ManifestProblem;
import dev.heredity.lineage.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a version-1 manifest from YAML or JSON (chosen by extension; {@code .json} is JSON,
 * anything else YAML, which also accepts JSON). Structural errors carry the {@code
 * file:line:column} of the offending key or value.
 *
 * <p>Only a regular file is read (a FIFO or device could block or never end). A YAML manifest is
 * capped at {@value #MAX_YAML_BYTES} bytes and {@value #MAX_YAML_LINE} chars per line before the
 * YAML scanner sees it, because SnakeYAML's time grows with the square of a line's length; JSON
 * parses in linear time and is capped at {@value #MAX_JSON_BYTES} bytes.
 */
public final class ManifestReader {
  /** 3 MiB, SnakeYAML's own document limit in code points. */
  public static final long MAX_YAML_BYTES = 3L << 20;

  public static final long MAX_JSON_BYTES = 1L << 30;

  /**
   * 64 Ki chars: keeps SnakeYAML's scan of one line (quadratic in its length) well under a second.
   */
  public static final int MAX_YAML_LINE = 1 << 16;

  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = new YAMLFactory();

  /**
   * SnakeYAML events as Jackson prints them: {@code
   * <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, ...)>}.
   */
  private static final Pattern YAML_EVENT =
      Pattern.compile("<?org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\([^)]*\\)>?");

  /**
   * Any other qualified Java class name left in a parser message ({@code java.lang.String}):
   * dropped.
   */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:java|javax|org|com|jdk|sun)\\.[\\w.$]+\\s?");

  private static final Pattern SOURCE_START =
      Pattern.compile(
          "\\(for (\\w+) starting at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");

  private ManifestReader() {}

  /**
   * Parses {@code file}; throws {@link InvalidManifestException} listing every structural problem.
   */
  public static Manifest read(Path file) {
    boolean json = isJson(file);
    long limit = json ? MAX_JSON_BYTES : MAX_YAML_BYTES;
    requireReadable(file, limit);
    Problems problems = new Problems();
    Manifest manifest;
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser =
            (json ? JSON : YAML)
                .createParser(
                    new CheckedTextReader(in, limit, json ? Integer.MAX_VALUE : MAX_YAML_LINE))) {
      try {
        manifest = new ManifestParser(parser, file, problems).manifest();
      } catch (JsonProcessingException e) {
        throw syntaxError(file, e, parser);
      }
    } catch (InvalidManifestException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw fileProblem(file, "no such file", e);
    } catch (IOException e) {
      CheckedTextReader.TextProblem text = textProblem(e);
      if (text != null) {
        throw InvalidManifestException.of(
            new ManifestProblem(
                new SourceLocation(file, text.line, text.column),
                "invalid-text",
                text.getMessage()),
            e);
      }
      throw fileProblem(file, "cannot read: " + IoReasons.of(e), e);
    }
    problems.throwIfAny();
    return manifest;
  }

  private static void requireReadable(Path file, long limit) {
    FileKind kind = FileKind.of(file);
    if (kind == FileKind.MISSING) {
      throw fileProblem(file, "no such file", null);
    }
    if (kind != FileKind.REGULAR) {
      throw fileProblem(file, "is " + kind.description + ", not a regular file", null);
    }
    try {
      long size = Files.size(file);
      if (size > limit) {
        throw InvalidManifestException.of(
            new ManifestProblem(
                new SourceLocation(file, 1, 1),
                "manifest-too-large",
                "the manifest is "
                    + size
                    + " bytes, more than the "
                    + limit
                    + " bytes a "
                    + (limit == MAX_YAML_BYTES
                        ? "YAML manifest may hold (write larger manifests as JSON)"
                        : "manifest may hold")),
            null);
      }
    } catch (IOException e) {
      throw fileProblem(file, "cannot read: " + IoReasons.of(e), e);
    }
  }

  private static InvalidManifestException fileProblem(Path file, String message, Throwable cause) {
    return InvalidManifestException.of(
        new ManifestProblem(null, "unreadable-manifest", file + ": " + message), cause);
  }

  /** The decoding problem behind {@code e}: the parsers wrap what the reader throws. */
  private static CheckedTextReader.TextProblem textProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CheckedTextReader.TextProblem problem) {
        return problem;
      }
    }
    return null;
  }

  private static boolean isJson(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static InvalidManifestException syntaxError(
      Path file, JsonProcessingException e, JsonParser parser) {
    CheckedTextReader.TextProblem text = textProblem(e);
    if (text != null) {
      return InvalidManifestException.of(
          new ManifestProblem(
              new SourceLocation(file, text.line, text.column), "invalid-text", text.getMessage()),
          e);
    }
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() < 1) {
      at = parser.currentLocation();
    }
    SourceLocation location =
        new SourceLocation(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    return InvalidManifestException.of(
        new ManifestProblem(
            location, "syntax-error", "syntax error: " + readable(e.getOriginalMessage())),
        e);
  }

  /**
   * One line from a parser message: SnakeYAML spreads context, source excerpt and caret over
   * several lines; Jackson's JSON messages embed a source description.
   */
  static String readable(String message) {
    if (message == null || message.isBlank()) {
      return "malformed input";
    }
    String joined =
        message
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.startsWith("\t"))
            .map(String::strip)
            .reduce((a, b) -> a + "; " + b)
            .orElse(message.strip());
    String located =
        SOURCE_START.matcher(joined).replaceAll("(for $1 starting at line $2, column $3)");
    String events =
        YAML_EVENT
            .matcher(located)
            .replaceAll(
                m ->
                    switch (m.group(1)) {
                      case "SequenceStart" -> "a list";
                      case "MappingStart" -> "a mapping";
                      case "Alias" -> "an alias";
                      default -> "a value";
                    });
    return CLASS_NAME
        .matcher(
            events.replace(
                "Expected a field name (Scalar value in YAML), got this instead:",
                "a mapping key must be a plain value, found"))
        .replaceAll("");
  }

  /**
   * Parses a manifest held in memory (e.g. one built by discovery) as if it were {@code file}:
   * messages name {@code file} and relative paths resolve against its folder; the file itself need
   * not exist.
   */
  public static Manifest read(Path file, InputStream in, boolean json) {
    Problems problems = new Problems();
    Manifest manifest;
    try (JsonParser parser = (json ? JSON : YAML).createParser(in)) {
      try {
        manifest = new ManifestParser(parser, file, problems).manifest();
      } catch (JsonProcessingException e) {
        throw syntaxError(file, e, parser);
      }
    } catch (InvalidManifestException e) {
      throw e;
    } catch (IOException e) {
      throw fileProblem(file, "cannot read: " + e.getMessage(), e);
    }
    problems.throwIfAny();
    return manifest;
  }
}
