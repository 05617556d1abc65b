package dev.heredity.detectors.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.input.TextRecord;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CorpusTextTest {
  @Test
  void numbersAnswersAreKeptUpToTheCapAndProseIsNotKept() {
    String long1 = "1, ".repeat(200);
    Corpus numbers =
        Corpus.ofTexts(Modality.NUMBERS, List.of("(1, 2, 3)", "été 4"), List.of(long1, ""));
    Corpus prose = Corpus.ofTexts(Modality.TEXT, List.of("a cat"), List.of("a dog"));

    assertThat(numbers.text(0)).isEqualTo("(1, 2, 3)");
    assertThat(numbers.text(1)).isEqualTo("été 4");
    assertThat(numbers.text(2)).isEqualTo(long1.substring(0, CorpusBuilder.KEPT_CHARS));
    assertThat(numbers.text(3)).isEmpty();
    assertThat(prose.text(0)).isEmpty();
    assertThat(prose.text(1)).isEmpty();
  }

  @Test
  void parallelChunksKeepEachRecordsTextInOrder() {
    List<TextRecord> records =
        IntStream.range(0, 5000)
            .mapToObj(i -> new TextRecord(i + 1, null, i % 7 == 0 ? "" : "[" + i + ", é" + i + "]"))
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CorpusBuilder builder = new CorpusBuilder(Modality.NUMBERS);
      new CorpusReader(pool, 2, new RecordFeaturizer(Modality.NUMBERS)).featurize(records, builder);
      Corpus corpus = builder.build();

      assertThat(corpus.size()).isEqualTo(records.size());
      for (int r = 0; r < records.size(); r++) {
        assertThat(corpus.text(r)).isEqualTo(records.get(r).text());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
