package dev.heredity.interop;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.openlineage.client.OpenLineage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Heredity custom OpenLineage facet ({@code heredity_generation}, {@code heredity_training},
 * {@code heredity_model}, {@code heredity_dataset}): {@code _producer}, {@code _schemaURL} pointing
 * at the facet's JSON schema (shipped in this jar under {@code dev/heredity/interop/openlineage/}),
 * then its fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"_producer", "_schemaURL"})
final class HeredityFacet implements OpenLineage.RunFacet, OpenLineage.DatasetFacet {
  /** Where the facet schemas are published; the same files ship in this jar. */
  static final String SCHEMA_BASE = "https://heredity.dev/spec/facets/1-0-0/";

  enum Kind {
    GENERATION("heredity_generation", "HeredityGenerationRunFacet"),
    TRAINING("heredity_training", "HeredityTrainingRunFacet"),
    MODEL("heredity_model", "HeredityModelDatasetFacet"),
    DATASET("heredity_dataset", "HeredityDatasetDatasetFacet");

    final String key;
    final String schemaName;

    Kind(String key, String schemaName) {
      this.key = key;
      this.schemaName = schemaName;
    }

    URI schemaUrl() {
      return URI.create(SCHEMA_BASE + schemaName + ".json#/$defs/" + schemaName);
    }
  }

  private final URI producer;
  private final URI schemaUrl;
  private final Map<String, Object> fields = new LinkedHashMap<>();

  HeredityFacet(URI producer, Kind kind) {
    this.producer = producer;
    this.schemaUrl = kind.schemaUrl();
  }

  HeredityFacet put(String key, Object value) {
    if (value != null) {
      fields.put(key, value);
    }
    return this;
  }

  @Override
  public URI get_producer() {
    return producer;
  }

  @Override
  public URI get_schemaURL() {
    return schemaUrl;
  }

  @Override
  public Boolean get_deleted() {
    return null;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> getAdditionalProperties() {
    return fields;
  }
}
