package dev.heredity.audit.scan;

import dev.heredity.discovery.Discovery;
import dev.heredity.discovery.DiscoveryLimits;
import dev.heredity.discovery.DiscoveryResult;
import dev.heredity.discovery.DiscoveryWarning;
import dev.heredity.discovery.Renaming;
import dev.heredity.discovery.write.JsonManifestWriter;
import dev.heredity.discovery.write.ManifestStyle;
import dev.heredity.interop.LineageSources;
import dev.heredity.lineage.Diagnostic;
import dev.heredity.lineage.FileKind;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.Lineage;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.DiscoverFolder;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ManifestReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place a manifest argument becomes a lineage analysis. A file is read as it is (a
 * manifest, or an import {@link LineageSources} recognises); a folder without a manifest ({@link
 * ManifestLocator#DISCOVERED}) is discovered: its artifacts become a manifest in memory, parsed as
 * if it were a file in that folder, and every input discovery could not use becomes a lineage
 * warning.
 */
public final class ManifestLoader {
  private static final Pattern LINE = Pattern.compile("line (\\d+)");

  /** The analysis and the SHA-256 of the manifest text it was made from. */
  public record Loaded(LineageAnalysis analysis, String sha256) {}

  private ManifestLoader() {}

  /** {@code argument} is a manifest file, a folder with one, or a folder to discover. */
  public static LineageAnalysis analyze(Path argument, LineageOptions options) {
    return load(argument, options).analysis();
  }

  public static Loaded load(Path argument, LineageOptions options) {
    Path manifest = Files.isDirectory(argument) ? ManifestLocator.resolve(argument) : argument;
    if (!ManifestLocator.isDiscovered(manifest)) {
      requireRegularFile(manifest);
      String sha256 = sha256(manifest);
      if (LineageSources.detect(manifest) == LineageSources.Kind.MANIFEST) {
        Manifest hand = ManifestReader.read(manifest);
        return new Loaded(
            hand.discover().isEmpty() ? Lineage.analyze(hand, options) : overlay(hand, options),
            sha256);
      }
      return new Loaded(LineageSources.analyze(manifest, options), sha256);
    }
    Path folder = manifest.getParent() == null ? Path.of("") : manifest.getParent();
    DiscoveryResult result = Discovery.run(List.of(folder));
    if (result.models().isEmpty() && result.datasets().isEmpty()) {
      throw new InvalidManifestException(
          folder
              + ": no manifest (looked for "
              + String.join(", ", ManifestLocator.NAMES)
              + ") and no model or dataset artifacts to discover"
              + (result.warnings().isEmpty()
                  ? ""
                  : " (" + result.warnings().size() + " unreadable inputs)"));
    }
    // JSON: parses in linear time at any size (YAML parsers cap documents at a few MiB).
    String text =
        JsonManifestWriter.write(
            result, new ManifestStyle(folder, DiscoveredManifests.EVIDENCE_FIELDS));
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Manifest parsed = ManifestReader.read(manifest, new ByteArrayInputStream(bytes), true);
    LineageAnalysis analysis = Lineage.analyze(parsed, options);
    List<Diagnostic> warnings = new ArrayList<>(diagnostics(result.warnings()));
    warnings.addAll(analysis.warnings());
    return new Loaded(
        new LineageAnalysis(
            analysis.manifest(), analysis.graph(), warnings, analysis.pairs(), analysis.findings()),
        sha256(bytes));
  }

  /**
   * A hand-written manifest with {@code discover:} folders: their artifacts merged in, the manifest
   * winning.
   */
  private static LineageAnalysis overlay(Manifest hand, LineageOptions options) {
    List<Path> roots = hand.discover().stream().map(DiscoverFolder::resolved).toList();
    DiscoveryResult result =
        new Discovery(DiscoveryLimits.defaults()).discover(roots, hand.folder());
    result = Renaming.apply(result, ManifestOverlay.aliases(hand, result));
    String text =
        JsonManifestWriter.write(
            result, new ManifestStyle(hand.folder(), DiscoveredManifests.EVIDENCE_FIELDS));
    Manifest found =
        ManifestReader.read(
            hand.folder().resolve(ManifestLocator.DISCOVERED),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            true);
    ManifestOverlay.Merged merged = ManifestOverlay.merge(hand, found);
    LineageAnalysis analysis = Lineage.analyze(merged.manifest(), options);
    List<Diagnostic> warnings = new ArrayList<>(diagnostics(result.warnings()));
    warnings.addAll(merged.conflicts());
    warnings.addAll(analysis.warnings());
    return new LineageAnalysis(
        analysis.manifest(), analysis.graph(), warnings, analysis.pairs(), analysis.findings());
  }

  /**
   * Discovery warnings as lineage warnings, located at the artifact (line when known; else in the
   * message).
   */
  static List<Diagnostic> diagnostics(List<DiscoveryWarning> warnings) {
    List<Diagnostic> out = new ArrayList<>();
    for (DiscoveryWarning w : warnings) {
      Matcher m = LINE.matcher(w.at());
      boolean line = m.matches();
      String message = line || w.at().isEmpty() ? w.message() : w.at() + ": " + w.message();
      out.add(
          new Diagnostic(
              "discovery-" + w.code(),
              message,
              new SourceLocation(
                  Path.of(DiscoveredManifests.DisplayPath.of(w.file())),
                  line ? Integer.parseInt(m.group(1)) : 1,
                  1)));
    }
    return out;
  }

  /**
   * A FIFO, device or socket is named as what it is and never opened: a FIFO would be waited on
   * forever and a device such as /dev/zero read until the heap runs out.
   */
  private static void requireRegularFile(Path manifest) {
    FileKind kind = FileKind.of(manifest);
    if (kind == FileKind.MISSING) {
      throw new InvalidManifestException(manifest + ": no such file");
    }
    if (kind != FileKind.REGULAR) {
      throw new InvalidManifestException(
          manifest + ": is " + kind.description + ", not a regular file");
    }
  }

  /** Streamed: an event log or ML-BOM may be large, and only its digest is kept. */
  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
