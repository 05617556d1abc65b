package dev.heredity.detectors.suite;

import java.util.List;

/** The registry: every detector, listed by hand (no classpath scanning). */
public final class Detectors {
  /** Content tests on count tables, combined into the verdict (with the classifier). */
  public static final List<TableDetector> CONTENT_TABLES =
      List.of(
          new FrequencyDetector(),
          new PositionDetector(),
          new TransitionDetector(),
          new PromptEchoDetector());

  public static final ClassifierDetector CLASSIFIER = new ClassifierDetector();

  /** Reported beside the verdict, never inside it. */
  public static final FormatDetector FORMAT = new FormatDetector();

  public static final List<Detector> ALL =
      List.of(
          CONTENT_TABLES.get(0),
          CONTENT_TABLES.get(1),
          CONTENT_TABLES.get(2),
          CONTENT_TABLES.get(3),
          CLASSIFIER,
          FORMAT);

  private Detectors() {}
}
