package dev.heredity.detectors.suite;

/**
 * The registry entry of the classifier test; the test itself is {@link
 * dev.heredity.detectors.classifier.ClassifierTest}.
 */
public final class ClassifierDetector implements Detector {
  @Override
  public String id() {
    return "classifier";
  }

  @Override
  public String description() {
    return "logistic regression on hashed features, 5-fold cross-fitted; out-of-fold AUC with a permutation "
        + "p-value (every fold refitted per permutation)";
  }
}
