package dev.heredity.discovery.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Confidence;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.Relations;
import dev.heredity.discovery.Warnings;
import dev.heredity.lineage.manifest.Relation;
import java.util.List;
import java.util.Locale;

/**
 * A model card's front matter: {@code base_model} (a string, or a list; two or more parents mean a
 * merge), {@code base_model_relation}, {@code datasets}, {@code tags}, {@code library_name}, {@code
 * model_name}.
 */
public final class ModelCardReader {
  private ModelCardReader() {}

  public static void read(FrontMatter.Block card, ModelFacts facts, Warnings warnings) {
    JsonNode root = card.node();
    SourceText text = card.text();
    var file = text.file();
    facts.evidence.add(Evidence.line(file, 1, Confidence.DECLARED));
    facts.tags.addAll(
        Values.strings(root.get("tags"), file, "line " + text.lineOfKey("tags"), "tags", warnings)
            .stream()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .toList());
    String library =
        Values.string(
            root.get("library_name"),
            file,
            "line " + text.lineOfKey("library_name"),
            "library_name",
            warnings);
    if (library != null) {
      facts.attributes.put("library_name", library);
    }
    String license =
        Values.string(
            root.get("license"), file, "line " + text.lineOfKey("license"), "license", warnings);
    if (license != null) {
      facts.attributes.put("license", license);
    }
    int relationLine = text.lineOfKey("base_model_relation");
    String relationText =
        Values.string(
            root.get("base_model_relation"),
            file,
            "line " + relationLine,
            "base_model_relation",
            warnings);
    if (relationText != null) {
      var relation = Relations.parse(relationText);
      if (relation.isPresent()) {
        facts.statedRelation = relation.get();
        facts.statedRelationEvidence = Evidence.line(file, relationLine, Confidence.DECLARED);
      } else {
        warnings.add(
            "unknown-relation",
            file,
            "line " + relationLine,
            "base_model_relation '"
                + relationText
                + "' is not one of adapter, merge, quantized, finetune; ignored");
      }
    }
    int baseLine = text.lineOfKey("base_model");
    List<String> bases =
        Values.strings(root.get("base_model"), file, "line " + baseLine, "base_model", warnings);
    Relation implied = bases.size() >= 2 ? Relation.MERGE : null;
    for (String base : bases) {
      int line = text.lineOfValue(base, baseLine);
      facts.claims.add(
          new BaseClaim(
              base,
              implied,
              Evidence.line(file, line, Confidence.DECLARED),
              ClaimSource.MODEL_CARD));
    }
    int datasetsLine = text.lineOfKey("datasets");
    for (String dataset :
        Values.strings(root.get("datasets"), file, "line " + datasetsLine, "datasets", warnings)) {
      facts.datasets.add(
          new Ref(
              dataset,
              Evidence.line(file, text.lineOfValue(dataset, datasetsLine), Confidence.DECLARED)));
    }
  }
}
