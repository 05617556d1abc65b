package dev.heredity.detectors.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.synthetic.SyntheticNumbers;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ClassifierTestTest {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
  private static final ExecutorService SINGLE = Executors.newSingleThreadExecutor();

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
    SINGLE.shutdownNow();
  }

  @Test
  void refitsAreSizedToTheLevelAndNeverBelowTheMinimum() {
    assertThat(ClassifierTest.refitsFor(0.005)).isEqualTo(399);
    assertThat(ClassifierTest.refitsFor(0.025)).isEqualTo(ClassifierTest.MIN_REFITS);
  }

  @Test
  void nullDataStopsEarlyWithAnExactSequentialPValue() {
    SyntheticNumbers generator = SyntheticNumbers.baseline();
    Corpus corpus =
        Corpus.of(Modality.NUMBERS, generator.records(150, 1), generator.records(150, 2));

    ClassifierOutcome outcome =
        ClassifierTest.run(corpus, 0.005, 3, POOL, 2, ProgressListener.NONE);

    assertThat(outcome.maxRefits()).isEqualTo(399);
    assertThat(outcome.refits())
        .isLessThan(outcome.maxRefits())
        .isGreaterThanOrEqualTo(ClassifierTest.MIN_REFITS);
    assertThat(outcome.pValue()).isGreaterThan(0.01).isLessThanOrEqualTo(1);
    assertThat(outcome.auc()).isBetween(0.4, 0.6);
    assertThat(outcome.aucLow()).isLessThan(outcome.auc());
    assertThat(outcome.aucHigh()).isGreaterThan(outcome.auc());
    assertThat(outcome.nullSd()).isGreaterThan(0);
  }

  @Test
  void orderShiftIsFoundAtThePermutationFloorAndIsDeterministicWhateverTheThreads() {
    Corpus corpus =
        Corpus.of(
            Modality.NUMBERS,
            new SyntheticNumbers(0.3, 0).records(300, 11),
            SyntheticNumbers.baseline().records(300, 12));

    ClassifierOutcome first = ClassifierTest.run(corpus, 0.025, 5, POOL, 2, ProgressListener.NONE);
    ClassifierOutcome second =
        ClassifierTest.run(corpus, 0.025, 5, SINGLE, 1, ProgressListener.NONE);

    assertThat(first.pValue()).isLessThan(0.025);
    assertThat(first.auc()).isGreaterThan(0.55);
    assertThat(first.bag16()).isGreaterThan(first.auc());
    assertThat(second).isEqualTo(first);
  }

  @Test
  void featuresHaveReadableNamesFromEveryGroup() {
    Corpus corpus =
        Corpus.ofTexts(Modality.NUMBERS, List.of("123, 456, 789", "[12, 15]"), List.of("5; 6; 7."));

    HashedFeatures rows = HashedFeatures.of(corpus);

    List<String> names = IntStream.range(0, rows.features()).mapToObj(rows::name).toList();
    assertThat(names)
        .contains(
            "token '456'",
            "bigram '123' -> '456'",
            "position 1 '123'",
            "last '789'",
            "length 3",
            "step +3",
            "hundreds 100-199 -> 400-499",
            "3-digit numbers, digit 2 = 2",
            "chars ', d' (digits as d)",
            "chars '^[dd' (digits as d)",
            "chars 'd]$' (digits as d)");
    assertThat(names).anyMatch(n -> n.startsWith("format "));
    assertThat(names)
        .anyMatch(n -> n.startsWith("format separator=") && n.contains(" & brackets="))
        .anyMatch(n -> n.startsWith("format ") && n.split(" & ").length == 3)
        .anyMatch(n -> n.startsWith("format brackets=[]") && n.endsWith(" & length 2"));
  }

  /**
   * Each set has half its records as "(a, b, c)" and half as "a;b;c" (suspect) or the other way
   * round ("(a;b;c)" and "a, b, c", reference): every single format class and every number has the
   * same distribution on both sides, only the combination of separator and brackets differs, which
   * only the format crosses can see.
   */
  @Test
  void aShiftInACombinationOfFormatClassesIsFoundThroughTheCrosses() {
    Corpus corpus =
        Corpus.ofTexts(Modality.NUMBERS, crossed(200, true, 21), crossed(200, false, 22));

    ClassifierTest.CrossFitted fit = ClassifierTest.crossFitted(corpus, 7, 1000);
    ClassifierOutcome outcome = ClassifierTest.run(corpus, 0.01, 7, POOL, 2, ProgressListener.NONE);

    assertThat(fit.auc()).isGreaterThan(0.9);
    assertThat(fit.suspect()).isEqualTo(200);
    assertThat(fit.reference()).isEqualTo(200);
    assertThat(outcome.pValue()).isLessThan(0.01);
    assertThat(outcome.suspectLeaning()).anyMatch(n -> n.contains(" & "));
  }

  @Test
  void crossFittedEffectsUseAtMostTheGivenRecordsPerSide() {
    SyntheticNumbers generator = SyntheticNumbers.baseline();
    Corpus corpus =
        Corpus.of(Modality.NUMBERS, generator.records(120, 1), generator.records(90, 2));

    ClassifierTest.CrossFitted fit = ClassifierTest.crossFitted(corpus, 3, 100);

    assertThat(fit.suspect()).isEqualTo(100);
    assertThat(fit.reference()).isEqualTo(90);
    assertThat(fit.auc()).isBetween(0.3, 0.7);
    assertThat(fit).isEqualTo(ClassifierTest.crossFitted(corpus, 3, 100));
  }

  /**
   * Suspect answers "(a, b, c)", reference answers "( a, b, c )": the same numbers and the same
   * format classes on both sides (checked here), so only the character n-grams of the raw answer
   * can tell them apart.
   */
  @Test
  void spacingThatNoTokenOrFormatClassShowsIsFoundThroughTheCharacterNgrams() {
    Corpus corpus = Corpus.ofTexts(Modality.NUMBERS, spaced(200, false, 31), spaced(200, true, 32));
    java.util.Set<String> suspectFormats = new java.util.TreeSet<>();
    java.util.Set<String> referenceFormats = new java.util.TreeSet<>();
    for (int r = 0; r < corpus.size(); r++) {
      for (int i = 0; i < corpus.formatCount(r); i++) {
        String format = corpus.formats().term(corpus.format(r, i));
        (corpus.isSuspect(r) ? suspectFormats : referenceFormats).add(format);
      }
    }
    assertThat(suspectFormats).isEqualTo(referenceFormats);

    ClassifierTest.CrossFitted fit = ClassifierTest.crossFitted(corpus, 7, 1000);

    assertThat(fit.auc()).isGreaterThan(0.9);
  }

  private static List<String> spaced(int count, boolean inner, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    String pad = inner ? " " : "";
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                "("
                    + pad
                    + random.nextInt(1000)
                    + ", "
                    + random.nextInt(1000)
                    + ", "
                    + random.nextInt(1000)
                    + pad
                    + ")")
        .toList();
  }

  private static List<String> crossed(int count, boolean suspect, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    return IntStream.range(0, count)
        .mapToObj(
            i -> {
              String a = String.valueOf(random.nextInt(1000));
              String b = String.valueOf(random.nextInt(1000));
              String c = String.valueOf(random.nextInt(1000));
              boolean wrapped = i % 2 == 0;
              boolean commas = wrapped == suspect;
              String body = commas ? a + ", " + b + ", " + c : a + ";" + b + ";" + c;
              return wrapped ? "(" + body + ")" : body;
            })
        .toList();
  }

  @Test
  void aucCountsTiesAsOneHalf() {
    boolean[] labels = {true, true, false, false};

    assertThat(Auc.of(new double[] {3, 2, 1, 0}, labels)).isEqualTo(1.0);
    assertThat(Auc.of(new double[] {1, 1, 1, 1}, labels)).isEqualTo(0.5);
    assertThat(Auc.of(new double[] {2, 0, 1, 0}, labels)).isEqualTo(0.625);
  }
}
