package dev.heredity.lineage.validate;

import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Problems;
import dev.heredity.lineage.manifest.TrainingSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model produced by a training takes the training's {@code from} as its base. If it also declares
 * {@code base}, the non-distill entries must be exactly {@code from} with a training relation
 * (finetune, continued-pretrain, adapter); distill entries may be added (a student distilled from a
 * teacher). A training without {@code from} leaves room only for distill entries.
 */
final class BaseAgreementRule {
  private BaseAgreementRule() {}

  static void check(Manifest manifest, Problems problems) {
    Map<String, ModelSpec> models = new HashMap<>();
    manifest.models().forEach(m -> models.put(m.id(), m));
    for (TrainingSpec training : manifest.trainings()) {
      ModelSpec student = models.get(training.student());
      if (student == null || student.base().isEmpty()) {
        continue;
      }
      List<BaseRef> weights =
          student.base().stream().filter(b -> b.relation().sharesInit()).toList();
      String produced =
          "but training " + Quoted.of(training.id()) + " (" + training.location() + ") ";
      if (training.from() == null) {
        if (!weights.isEmpty()) {
          problems.add(
              weights.get(0).location(),
              "model "
                  + Quoted.of(student.id())
                  + " declares base "
                  + Quoted.of(weights.get(0).model())
                  + " ("
                  + weights.get(0).relation().label()
                  + ") "
                  + produced
                  + "trains it from scratch (no 'from')");
        }
        continue;
      }
      for (BaseRef base : weights) {
        if (!base.model().equals(training.from())) {
          problems.add(
              base.location(),
              "model "
                  + Quoted.of(student.id())
                  + " declares base "
                  + Quoted.of(base.model())
                  + " "
                  + produced
                  + "starts it from "
                  + Quoted.of(training.from()));
        } else if (!base.relation().isTrainingRelation()) {
          problems.add(
              base.location(),
              "model "
                  + Quoted.of(student.id())
                  + " declares relation '"
                  + base.relation().label()
                  + "' to "
                  + Quoted.of(base.model())
                  + " "
                  + produced
                  + "fine-tunes it (expected finetune, continued-pretrain or adapter)");
        }
      }
      if (weights.isEmpty()) {
        problems.add(
            student.locationOf("base"),
            "model "
                + Quoted.of(student.id())
                + " declares no base it starts from "
                + produced
                + "starts it from "
                + Quoted.of(training.from()));
      }
    }
  }
}
