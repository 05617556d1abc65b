package dev.heredity.audit.report;

import java.util.List;

/**
 * One declared teacher/student relation tested against local weights.
 *
 * @param declared the relation the manifest declares, in words ("shared base (base-a)", "no shared
 *     base")
 * @param verdict the weights' verdict ({@code shared-init}, {@code independent}, {@code
 *     inconclusive}); null when the weights were not compared
 * @param pValue Fisher's combination over the layers; null when not compared
 * @param method the test, in words; null when not compared
 * @param teacherWeights display path of the teacher's weights, null when it has none
 * @param studentWeights display path of the student's weights, null when it has none
 * @param detail why the outcome is what it is, in one sentence
 * @param location where the relation (or the unusable weights) is declared
 * @param layers per-layer evidence, empty when not compared
 */
public record WeightsRelation(
    String teacher,
    String student,
    String training,
    String declared,
    WeightsOutcome outcome,
    String verdict,
    Double pValue,
    String method,
    String teacherWeights,
    String studentWeights,
    String detail,
    Location location,
    List<WeightsLayerRow> layers) {
  public WeightsRelation {
    layers = Lists.copy(layers);
  }

  /** "teacher -> student", the subject findings about this relation carry. */
  public String subject() {
    return teacher + " -> " + student;
  }
}
