package dev.heredity.interop;

/** Writes the audited lineage in one standard format. */
public interface Exporter {
  /** The whole document, UTF-8 text ending in a newline. */
  String export(ExportRequest request);

  static Exporter of(ExportFormat format) {
    return switch (format) {
      case CYCLONEDX -> new CycloneDxExporter();
      case SPDX -> new SpdxExporter();
      case OPENLINEAGE -> new OpenLineageExporter();
      case PROV -> new ProvExporter();
    };
  }
}
