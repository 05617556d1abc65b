package dev.heredity.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Validates documents against the official schemas vendored in src/test/resources/schemas (no
 * network).
 */
final class SchemaCheck {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String OPENLINEAGE = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
  static final String DATASET_TYPE_FACET =
      "https://openlineage.io/spec/facets/1-0-1/DatasetTypeDatasetFacet.json";
  static final String JOB_TYPE_FACET =
      "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemas(
                  Map.of(
                      facet("HeredityGenerationRunFacet"),
                      resource(facetResource("HeredityGenerationRunFacet")),
                      facet("HeredityTrainingRunFacet"),
                      resource(facetResource("HeredityTrainingRunFacet")),
                      facet("HeredityModelDatasetFacet"),
                      resource(facetResource("HeredityModelDatasetFacet")),
                      facet("HeredityDatasetDatasetFacet"),
                      resource(facetResource("HeredityDatasetDatasetFacet")),
                      OPENLINEAGE,
                      resource("schemas/openlineage-2-0-2/OpenLineage.json"),
                      DATASET_TYPE_FACET,
                      resource("schemas/openlineage-2-0-2/DatasetTypeDatasetFacet.json"),
                      JOB_TYPE_FACET,
                      resource("schemas/openlineage-2-0-2/JobTypeJobFacet.json"),
                      "https://spdx.org/schema/3.0.1/spdx-json-schema.json",
                      resource("schemas/spdx-3.0.1/spdx-json-schema.json"))));

  private SchemaCheck() {}

  static String facet(String name) {
    return HeredityFacet.SCHEMA_BASE + name + ".json";
  }

  private static String facetResource(String name) {
    return "dev/heredity/interop/openlineage/" + name + ".json";
  }

  private static final Schema PROV =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(resource("schemas/prov-json/prov-json-schema-v4.json"));

  static List<String> prov(String document) {
    return PROV.validate(read(document)).stream().map(Error::toString).toList();
  }

  static List<String> spdx(String document) {
    return validate("https://spdx.org/schema/3.0.1/spdx-json-schema.json", read(document));
  }

  /**
   * Errors of {@code node} against the schema at {@code uri} (a fragment such as {@code
   * #/$defs/RunEvent} allowed).
   */
  static List<String> validate(String uri, JsonNode node) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of(uri));
    return schema.validate(node).stream().map(Error::toString).toList();
  }

  static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
