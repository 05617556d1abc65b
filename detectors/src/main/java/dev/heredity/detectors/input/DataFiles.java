package dev.heredity.detectors.input;

import dev.heredity.detectors.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens dataset files as UTF-8 text, gunzipping transparently (by magic bytes, not by name). */
public final class DataFiles {
    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    public static BufferedReader open(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** File name without a trailing {@code .gz}, lower case, to guess CSV by extension. */
    static String baseName(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
