package dev.heredity.discovery.read;

import dev.heredity.discovery.Evidence;
import dev.heredity.lineage.manifest.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the artifacts of one model folder say, before references are resolved. Filled by the
 * readers.
 */
public final class ModelFacts {
  public String hubId;
  public String revision;
  public Relation statedRelation;
  public Evidence statedRelationEvidence;
  public Evidence quantizedEvidence;
  public String family;
  public final List<BaseClaim> claims = new ArrayList<>();
  public final List<Ref> datasets = new ArrayList<>();
  public final List<String> tags = new ArrayList<>();
  public final Map<String, String> attributes = new LinkedHashMap<>();
  public final List<Evidence> evidence = new ArrayList<>();

  /**
   * Adds what another folder of the same model (a second cache snapshot) says; what this one says
   * stays.
   */
  public void absorb(ModelFacts other) {
    claims.addAll(other.claims);
    datasets.addAll(other.datasets);
    tags.addAll(other.tags);
    other.attributes.forEach(attributes::putIfAbsent);
    evidence.addAll(other.evidence);
    family = family != null ? family : other.family;
    if (statedRelation == null) {
      statedRelation = other.statedRelation;
      statedRelationEvidence = other.statedRelationEvidence;
    }
    quantizedEvidence = quantizedEvidence != null ? quantizedEvidence : other.quantizedEvidence;
  }
}
