package dev.heredity.discovery;

import dev.heredity.discovery.read.BaseClaim;
import dev.heredity.discovery.read.ClaimSource;
import dev.heredity.discovery.read.ModelFacts;
import dev.heredity.discovery.read.Ref;
import dev.heredity.lineage.manifest.Relation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns each local model's base claims into links, and a card that lists {@code datasets} into a
 * training. When the artifacts of one folder disagree, the most specific source wins (recipe,
 * adapter config, card, GGUF header, then the weak {@code _name_or_path}) and the disagreement is a
 * warning naming both.
 */
final class ModelLinker {
  private final Nodes nodes;

  ModelLinker(Nodes nodes) {
    this.nodes = nodes;
  }

  void link() {
    for (Nodes.ModelNode model : List.copyOf(nodes.models.values())) {
      if (model.folder != null) {
        linkBases(model);
        training(model);
      }
    }
  }

  private void linkBases(Nodes.ModelNode model) {
    Map<ClaimSource, List<BaseClaim>> bySource = new EnumMap<>(ClaimSource.class);
    model.facts.claims.forEach(
        c -> bySource.computeIfAbsent(c.source(), s -> new ArrayList<>()).add(c));
    ClaimSource primary = bySource.keySet().stream().findFirst().orElse(null);
    if (primary == null) {
      return;
    }
    Path from = model.folder.dir();
    Path root = model.folder.root();
    Map<String, BaseClaim> primaryTargets = new LinkedHashMap<>();
    for (BaseClaim claim : bySource.get(primary)) {
      Optional<String> target =
          nodes.model(
              claim.reference(), claim.evidence().confidence(), from, root, claim.evidence());
      if (target.isEmpty() || target.get().equals(model.id)) {
        continue;
      }
      primaryTargets.putIfAbsent(target.get(), claim);
      model
          .links
          .computeIfAbsent(target.get(), t -> new Nodes.LinkDraft(relation(claim, model.facts)))
          .evidence
          .add(claim.evidence());
    }
    if (model.links.values().stream().anyMatch(l -> l.relation == Relation.MERGE)
        && model.links.size() > 1) {
      // A merge lists every parent with relation merge.
      Map<String, Nodes.LinkDraft> merged = new LinkedHashMap<>();
      model.links.forEach(
          (t, l) -> {
            Nodes.LinkDraft m = new Nodes.LinkDraft(Relation.MERGE);
            m.evidence.addAll(l.evidence);
            merged.put(t, m);
          });
      model.links.clear();
      model.links.putAll(merged);
    }
    if (model.facts.statedRelationEvidence != null && !model.links.isEmpty()) {
      model
          .links
          .values()
          .forEach(
              l -> {
                if (l.relation == model.facts.statedRelation) {
                  l.evidence.add(model.facts.statedRelationEvidence);
                }
              });
    }
    for (var entry : bySource.entrySet()) {
      if (entry.getKey() == primary) {
        continue;
      }
      for (BaseClaim claim : entry.getValue()) {
        corroborate(model, claim, primaryTargets, from, root);
      }
    }
  }

  private void corroborate(
      Nodes.ModelNode model,
      BaseClaim claim,
      Map<String, BaseClaim> primaryTargets,
      Path from,
      Path root) {
    boolean weak = claim.evidence().confidence() == Confidence.WEAK;
    // A weak hint must not create a node of its own here: resolve only against what exists.
    var match = nodes.modelIndex.resolve(claim.reference(), from, root);
    String target = match.map(IdentityIndex.Match::id).orElse(null);
    if (target != null && model.links.containsKey(target)) {
      model.links.get(target).evidence.add(claim.evidence());
      return;
    }
    if (weak || (target != null && target.equals(model.id))) {
      return;
    }
    BaseClaim winner = primaryTargets.values().stream().findFirst().orElse(null);
    String kept =
        winner == null
            ? "no base"
            : "'" + winner.reference() + "' (" + where(winner.evidence()) + ")";
    nodes.warnings.add(
        "conflicting-base",
        claim.evidence().file(),
        claim.evidence().at(),
        "names base '"
            + claim.reference()
            + "' but "
            + kept
            + " says otherwise; the latter is used");
  }

  static String where(Evidence e) {
    return e.file().getFileName() + " " + e.at();
  }

  private static Relation relation(BaseClaim claim, ModelFacts facts) {
    if (claim.source() == ClaimSource.MODEL_CARD && facts.statedRelation != null) {
      return facts.statedRelation;
    }
    if (claim.relation() != null) {
      return claim.relation();
    }
    if (facts.statedRelation != null) {
      return facts.statedRelation;
    }
    if (facts.quantizedEvidence != null || facts.tags.contains("gguf")) {
      return Relation.QUANTIZED;
    }
    if (facts.tags.contains("peft")
        || "peft".equalsIgnoreCase(facts.attributes.get("library_name"))) {
      return Relation.ADAPTER;
    }
    return Relation.FINETUNE;
  }

  /**
   * A card that lists datasets and has one finetune/adapter base (or none) was trained on those
   * datasets.
   */
  private void training(Nodes.ModelNode model) {
    List<Ref> refs = model.facts.datasets;
    if (refs.isEmpty()) {
      return;
    }
    String from = null;
    Relation relation = Relation.FINETUNE;
    if (model.links.size() > 1) {
      return;
    }
    if (model.links.size() == 1) {
      var only = model.links.entrySet().iterator().next();
      relation = only.getValue().relation;
      if (!relation.isTrainingRelation()) {
        return;
      }
      from = only.getKey();
    }
    Set<String> datasets = new LinkedHashSet<>();
    List<Evidence> evidence = new ArrayList<>();
    for (Ref ref : refs) {
      datasets.add(nodes.dataset(ref.text(), model.folder.dir(), model.folder.root()));
      evidence.add(ref.evidence());
    }
    String method = relation == Relation.CONTINUED_PRETRAIN ? "continued-pretrain" : "sft";
    nodes.trainings.add(
        new DiscoveredTraining(
            nodes.claimId(model.id + ":training"),
            model.id,
            from,
            List.copyOf(datasets),
            method,
            evidence));
  }
}
