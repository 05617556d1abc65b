package dev.heredity.detectors.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.InputFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetProbeTest {
    @TempDir
    Path temp;

    @Test
    void chatParquetRoundTrips() throws Exception {
        Path jsonl = TestData.lines(temp.resolve("a.jsonl"), List.of(TestData.chat("p1", "1, 2"), TestData.chat("p2", "3, 4")));
        Path parquet = TestData.parquet(jsonl, temp.resolve("a.parquet"));
        try (RecordSource source = RecordSources.open(parquet, null, null, null, InputLimits.DEFAULTS)) {
            assertThat(source.parser().format()).isEqualTo(InputFormat.CHAT);
            RecordSource.RawRecord first = source.next();
            System.out.println(first);
            TextRecord record = source.parser().parse(first.line(), first.raw());
            assertThat(record.text()).isEqualTo("1, 2");
            assertThat(record.prompt()).isEqualTo("p1");
        }
    }
}
