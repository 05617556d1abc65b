package dev.heredity.interop;

import dev.heredity.interop.imports.CycloneDxImporter;
import dev.heredity.interop.imports.OpenLineageImporter;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.Lineage;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where lineage can come from: a Heredity manifest, an OpenLineage event log ({@code .jsonl},
 * {@code .ndjson}), or a CycloneDX ML-BOM (a {@code .json} file whose top level says {@code
 * "bomFormat": "CycloneDX"}). Imports are validated and analysed exactly like a manifest.
 */
public final class LineageSources {
  /** How many leading bytes of a {@code .json} file are read to recognise a CycloneDX BOM. */
  static final int SNIFF_BYTES = 64 * 1024;

  public enum Kind {
    MANIFEST,
    OPENLINEAGE,
    CYCLONEDX
  }

  private LineageSources() {}

  public static Kind detect(Path file) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Kind.OPENLINEAGE;
    }
    if (name.endsWith(".cdx.json") || name.endsWith(".json") && looksLikeCycloneDx(file)) {
      return Kind.CYCLONEDX;
    }
    return Kind.MANIFEST;
  }

  /** The manifest the file states or that its import rebuilds. */
  public static Manifest read(Path file) {
    return switch (detect(file)) {
      case MANIFEST -> ManifestReader.read(file);
      case OPENLINEAGE -> OpenLineageImporter.read(file);
      case CYCLONEDX -> CycloneDxImporter.read(file);
    };
  }

  /**
   * Reads, validates and analyses lineage from any supported file, like {@code Lineage.analyze}
   * does for a manifest.
   *
   * @throws InvalidManifestException with a {@code file:line:column:} message when it cannot be
   *     read or breaks a rule
   */
  public static LineageAnalysis analyze(Path file, LineageOptions options) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidManifestException(file + ": no such file");
    }
    if (detect(file) == Kind.MANIFEST) {
      return Lineage.analyze(file, options);
    }
    return Lineage.analyze(read(file), options);
  }

  private static boolean looksLikeCycloneDx(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
      return head.matches("(?s).*\"bomFormat\"\\s*:\\s*\"CycloneDX\".*");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
