package dev.heredity.detectors.features;

import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.input.CsvReader;
import dev.heredity.detectors.input.DataFiles;
import dev.heredity.detectors.input.MalformedRecordException;
import dev.heredity.detectors.input.RecordParser;
import dev.heredity.detectors.input.TextRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Streams one file into a {@link CorpusBuilder}: the calling thread reads lines in chunks, worker threads
 * parse and tokenise them, and the chunks are appended in file order, so ids and errors are deterministic
 * whatever the thread count. Memory holds only a few chunks of raw text at a time.
 */
public final class CorpusReader {
    private static final int CHUNK_RECORDS = 2048;

    private final ExecutorService workers;
    private final int parallelism;
    private final RecordFeaturizer featurizer;

    public CorpusReader(ExecutorService workers, int parallelism, RecordFeaturizer featurizer) {
        this.workers = workers;
        this.parallelism = parallelism;
        this.featurizer = featurizer;
    }

    /** What reading one file produced. */
    public record Outcome(int records, int skipped) {
    }

    /**
     * Reads {@code file} into {@code builder}. {@code visitor} (may be null) sees every accepted record from
     * worker threads, in no particular order, so it must be thread-safe.
     */
    public Outcome read(Path file, RecordParser parser, int maxRecords, boolean skipBad, CorpusBuilder builder,
            Consumer<TextRecord> visitor, ProgressListener progress) {
        int limit = maxRecords <= 0 ? Integer.MAX_VALUE : maxRecords;
        ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        int before = builder.size();
        int submitted = 0;
        int[] skipped = {0};
        long size = progressTotal(file);
        long consumed = 0;
        String task = "reading " + file.getFileName();
        try (BufferedReader in = DataFiles.open(file)) {
            CsvReader csv = parser.format() == InputFormat.CSV ? new CsvReader(in, file, parser.field()) : null;
            int lineNumber = 0;
            while (submitted < limit) {
                List<TextRecord> batch = new ArrayList<>(CHUNK_RECORDS);
                while (batch.size() < CHUNK_RECORDS && submitted + batch.size() < limit) {
                    TextRecord raw;
                    if (csv != null) {
                        raw = nextCsv(csv, file, skipBad, skipped);
                    } else {
                        String line = in.readLine();
                        lineNumber++;
                        consumed += line == null ? 0 : line.length() + 1;
                        if (line == null) {
                            raw = null;
                        } else if (line.isBlank()) {
                            continue;
                        } else {
                            raw = new TextRecord(lineNumber, null, line);
                        }
                    }
                    if (raw == null) {
                        break;
                    }
                    batch.add(raw);
                }
                if (batch.isEmpty()) {
                    break;
                }
                submitted += batch.size();
                boolean parsed = csv != null;
                pending.add(workers.submit(() -> process(file, batch, parsed, parser, skipBad, visitor)));
                while (pending.size() > parallelism * 2) {
                    append(pending.poll(), builder, skipped);
                }
                progress.update(task, Math.min(consumed, size - 1), size);
            }
            while (!pending.isEmpty()) {
                append(pending.poll(), builder, skipped);
            }
            progress.update(task, size, size);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
        int records = builder.size() - before;
        if (records == 0) {
            throw new InvalidInputException(file + ": no records" + (skipped[0] > 0 ? " (all " + skipped[0]
                    + " were malformed)" : " (the file is empty)"));
        }
        return new Outcome(records, skipped[0]);
    }

    /** Characters approximate bytes for the progress bar; compressed files and CSV show no fraction. */
    private static long progressTotal(Path file) {
        try {
            byte[] magic = new byte[2];
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                int read = in.read(magic);
                if (read == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                    return 1;
                }
            }
            return Math.max(1, java.nio.file.Files.size(file));
        } catch (IOException e) {
            return 1;
        }
    }

    private static TextRecord nextCsv(CsvReader csv, Path file, boolean skipBad, int[] skipped) throws IOException {
        while (true) {
            try {
                return csv.next();
            } catch (MalformedRecordException e) {
                if (!skipBad) {
                    throw new InvalidInputException(file + ":" + csv.line() + ": " + e.getMessage());
                }
                skipped[0]++;
            }
        }
    }

    private record Chunk(FeatureChunk features, int skipped) {
    }

    private Chunk process(Path file, List<TextRecord> batch, boolean parsed, RecordParser parser, boolean skipBad,
            Consumer<TextRecord> visitor) {
        FeatureChunk features = new FeatureChunk();
        int skipped = 0;
        for (TextRecord raw : batch) {
            TextRecord record;
            try {
                record = parsed ? raw : parser.parse(raw.line(), raw.text());
            } catch (MalformedRecordException e) {
                if (skipBad) {
                    skipped++;
                    continue;
                }
                throw new InvalidInputException(file + ":" + raw.line()
                        + (e.column() > 0 ? ":" + e.column() : "") + ": " + e.getMessage());
            }
            features.add(record.line(), featurizer.features(record));
            if (visitor != null) {
                visitor.accept(record);
            }
        }
        return new Chunk(features, skipped);
    }

    private static void append(Future<Chunk> future, CorpusBuilder builder, int[] skipped) {
        Chunk chunk;
        try {
            chunk = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        builder.add(chunk.features());
        skipped[0] += chunk.skipped();
    }
}
