package dev.heredity.interop;

import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.TrainingSpec;
import dev.heredity.lineage.manifest.Trait;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OpenLineage RunEvents, one JSON object a line: one COMPLETE event per generation run (a model in,
 * the dataset out, facet {@code heredity_generation}), per training run (start checkpoint and
 * datasets in, the student out, facet {@code heredity_training}), and per derivation (a filtered
 * dataset, a prompted or merged model). Models are datasets with {@code datasetType: MODEL}; {@code
 * heredity_model}/{@code heredity_dataset} facets carry what the manifest says about them, so
 * {@link OpenLineageImporter} can rebuild it.
 */
final class OpenLineageExporter implements Exporter {
  static final String NAMESPACE = "heredity";
  static final String MODEL_TYPE = "MODEL";
  static final String INTEGRATION = "HEREDITY";

  @Override
  public String export(ExportRequest request) {
    LineageFacts facts = new LineageFacts(request.analysis());
    URI producer = URI.create("urn:heredity:" + request.toolVersion());
    Events events =
        new Events(
            new OpenLineage(producer),
            producer,
            facts,
            ZonedDateTime.ofInstant(request.created(), ZoneOffset.UTC));
    for (DatasetSpec d : facts.manifest().datasets()) {
      if (d.generatedBy() != null) {
        HeredityFacet generation =
            new HeredityFacet(producer, HeredityFacet.Kind.GENERATION)
                .put("generator", d.generatedBy())
                .put("sampling", d.sampling().isEmpty() ? null : d.sampling());
        events.add(
            "generate/" + d.id(),
            "GENERATION",
            generation,
            List.of(d.generatedBy()),
            List.of(d.id()));
      }
    }
    for (DatasetSpec d : facts.manifest().datasets()) {
      if (!d.derivedFrom().isEmpty()) {
        events.add(
            "derive/" + d.id(),
            "DERIVATION",
            null,
            d.derivedFrom().stream().map(DerivedFrom::dataset).toList(),
            List.of(d.id()));
      }
    }
    for (ModelSpec m : facts.manifest().models()) {
      List<LineageFacts.Parent> parents = facts.derivationParents(m);
      if (!parents.isEmpty()) {
        events.add(
            "derive/" + m.id(),
            "DERIVATION",
            null,
            parents.stream().map(LineageFacts.Parent::model).distinct().toList(),
            List.of(m.id()));
      }
    }
    for (TrainingSpec t : facts.manifest().trainings()) {
      HeredityFacet training =
          new HeredityFacet(producer, HeredityFacet.Kind.TRAINING)
              .put("training", t.id())
              .put("student", t.student())
              .put("from", t.from())
              .put("method", t.method());
      List<String> inputs = new ArrayList<>();
      if (t.from() != null) {
        inputs.add(t.from());
      }
      inputs.addAll(t.datasets());
      events.add("train/" + t.id(), "TRAINING", training, inputs, List.of(t.student()));
    }
    return events.text();
  }

  /** Builds the events and the facets of each model and dataset they mention. */
  private static final class Events {
    private final OpenLineage ol;
    private final URI producer;
    private final LineageFacts facts;
    private final ZonedDateTime time;
    private final StringBuilder out = new StringBuilder();

    Events(OpenLineage ol, URI producer, LineageFacts facts, ZonedDateTime time) {
      this.ol = ol;
      this.producer = producer;
      this.facts = facts;
      this.time = time;
    }

    void add(
        String job,
        String jobType,
        HeredityFacet runFacet,
        List<String> inputs,
        List<String> outputs) {
      OpenLineage.RunFacetsBuilder runFacets = ol.newRunFacetsBuilder();
      if (runFacet != null) {
        runFacets.put(key(runFacet), runFacet);
      }
      UUID runId = UUID.nameUUIDFromBytes((NAMESPACE + "/" + job).getBytes(StandardCharsets.UTF_8));
      OpenLineage.JobFacets jobFacets =
          ol.newJobFacetsBuilder()
              .jobType(ol.newJobTypeJobFacet("BATCH", INTEGRATION, jobType, null))
              .build();
      OpenLineage.RunEvent event =
          ol.newRunEventBuilder()
              .eventTime(time)
              .eventType(OpenLineage.RunEvent.EventType.COMPLETE)
              .run(ol.newRun(runId, runFacets.build()))
              .job(ol.newJob(NAMESPACE, job, jobFacets))
              .inputs(
                  inputs.stream()
                      .map(id -> ol.newInputDataset(NAMESPACE, id, facets(id), null))
                      .toList())
              .outputs(
                  outputs.stream()
                      .map(id -> ol.newOutputDataset(NAMESPACE, id, facets(id), null))
                      .toList())
              .build();
      out.append(OpenLineageClientUtils.toJson(event)).append('\n');
    }

    String text() {
      return out.toString();
    }

    private static String key(HeredityFacet facet) {
      for (HeredityFacet.Kind kind : HeredityFacet.Kind.values()) {
        if (facet.get_schemaURL().equals(kind.schemaUrl())) {
          return kind.key;
        }
      }
      throw new IllegalStateException("unknown facet " + facet.get_schemaURL());
    }

    private OpenLineage.DatasetFacets facets(String id) {
      OpenLineage.DatasetFacetsBuilder builder = ol.newDatasetFacetsBuilder();
      ModelSpec model =
          facts.manifest().models().stream()
              .filter(m -> m.id().equals(id))
              .findFirst()
              .orElse(null);
      if (model != null) {
        builder.datasetType(ol.newDatasetTypeDatasetFacet(MODEL_TYPE, null));
        builder.put(HeredityFacet.Kind.MODEL.key, modelFacet(model));
        return builder.build();
      }
      DatasetSpec dataset =
          facts.manifest().datasets().stream()
              .filter(d -> d.id().equals(id))
              .findFirst()
              .orElse(null);
      builder.datasetType(ol.newDatasetTypeDatasetFacet("FILE", null));
      if (dataset != null) {
        builder.put(HeredityFacet.Kind.DATASET.key, datasetFacet(dataset));
      }
      return builder.build();
    }

    private HeredityFacet modelFacet(ModelSpec m) {
      HeredityFacet facet =
          new HeredityFacet(producer, HeredityFacet.Kind.MODEL).put("family", m.family());
      if (m.checkpoint() != null) {
        Map<String, String> checkpoint = new LinkedHashMap<>();
        putIfPresent(checkpoint, "uri", m.checkpoint().uri());
        putIfPresent(checkpoint, "revision", m.checkpoint().revision());
        putIfPresent(checkpoint, "sha256", m.checkpoint().sha256());
        putIfPresent(checkpoint, "path", m.checkpoint().path());
        facet.put("checkpoint", checkpoint);
      }
      List<Map<String, String>> base = new ArrayList<>();
      for (LineageFacts.Parent p : facts.derivationParents(m)) {
        base.add(Map.of("model", p.model(), "relation", p.relation().label()));
      }
      facet.put("base", base.isEmpty() ? null : base);
      List<Map<String, Object>> traits = new ArrayList<>();
      for (Trait t : m.traits()) {
        Map<String, Object> trait = new LinkedHashMap<>();
        trait.put("name", t.name());
        putIfPresent(trait, "source", t.source());
        trait.put("harmful", t.harmful());
        traits.add(trait);
      }
      facet.put("traits", traits.isEmpty() ? null : traits);
      List<String> groups = facts.groupsOf(m.id());
      return facet.put("initGroups", groups.isEmpty() ? null : groups);
    }

    private HeredityFacet datasetFacet(DatasetSpec d) {
      HeredityFacet facet =
          new HeredityFacet(producer, HeredityFacet.Kind.DATASET)
              .put("path", d.path())
              .put("uri", d.uri())
              .put("sha256", d.sha256())
              .put("format", d.format())
              .put("modality", d.modality())
              .put("reference", d.reference())
              .put("filters", d.filters().isEmpty() ? null : d.filters());
      List<Map<String, String>> derived = new ArrayList<>();
      for (DerivedFrom source : d.derivedFrom()) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("dataset", source.dataset());
        putIfPresent(entry, "operation", source.operation());
        derived.add(entry);
      }
      return facet.put("derivedFrom", derived.isEmpty() ? null : derived);
    }

    private static <V> void putIfPresent(Map<String, V> map, String key, V value) {
      if (value != null) {
        map.put(key, value);
      }
    }
  }
}
