package dev.heredity.lineage.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.SourceLocation;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a version-1 manifest from YAML or JSON (chosen by extension; {@code .json} is JSON, anything
 * else YAML, which also accepts JSON). Structural errors carry the {@code file:line:column} of the
 * offending key or value.
 */
public final class ManifestReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SOURCE_START = Pattern.compile(
            "\\(for (\\w+) starting at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");

    private ManifestReader() {
    }

    /** Parses {@code file}; throws {@link InvalidManifestException} listing every structural problem. */
    public static Manifest read(Path file) {
        ObjectMapper mapper = isJson(file) ? JSON : YAML;
        Problems problems = new Problems();
        Manifest manifest;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                JsonParser parser = mapper.getFactory().createParser(in)) {
            manifest = new ManifestParser(parser, file, problems).manifest();
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException(syntaxError(file, e), e);
        } catch (NoSuchFileException e) {
            throw new InvalidManifestException(file + ": no such file", e);
        } catch (IOException e) {
            throw new InvalidManifestException(file + ": cannot read: " + e.getMessage(), e);
        }
        problems.throwIfAny();
        return manifest;
    }

    private static boolean isJson(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static String syntaxError(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        SourceLocation location = at == null ? new SourceLocation(file, 1, 1)
                : new SourceLocation(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
        return location.format("syntax error: " + readable(e.getOriginalMessage()));
    }

    /**
     * One line from a parser message: SnakeYAML spreads context, source excerpt and caret over several
     * lines; Jackson's JSON messages embed a source description.
     */
    static String readable(String message) {
        if (message == null || message.isBlank()) {
            return "malformed input";
        }
        String joined = message.lines()
                .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.startsWith("\t"))
                .map(String::strip)
                .reduce((a, b) -> a + "; " + b)
                .orElse(message.strip());
        return SOURCE_START.matcher(joined).replaceAll("(for $1 starting at line $2, column $3)");
    }

    /**
     * Parses a manifest held in memory (e.g. one built by discovery) as if it were {@code file}: messages name
     * {@code file} and relative paths resolve against its folder; the file itself need not exist.
     */
    public static Manifest read(Path file, InputStream in, boolean json) {
        Problems problems = new Problems();
        Manifest manifest;
        try (JsonParser parser = (json ? JSON : YAML).getFactory().createParser(in)) {
            manifest = new ManifestParser(parser, file, problems).manifest();
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException(syntaxError(file, e), e);
        } catch (IOException e) {
            throw new InvalidManifestException(file + ": cannot read: " + e.getMessage(), e);
        }
        problems.throwIfAny();
        return manifest;
    }
}
