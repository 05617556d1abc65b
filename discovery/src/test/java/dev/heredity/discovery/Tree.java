package dev.heredity.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A folder of artifacts written by a test, and discovery over it. */
final class Tree {
  final Path root;

  Tree(Path root) {
    this.root = root;
  }

  Tree file(String path, String text) {
    return bytes(path, text.getBytes(StandardCharsets.UTF_8));
  }

  Tree bytes(String path, byte[] bytes) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  DiscoveryResult discover() {
    return Discovery.run(List.of(root));
  }

  static DiscoveredModel model(DiscoveryResult r, String id) {
    return r.models().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no model "
                        + id
                        + " in "
                        + r.models().stream().map(DiscoveredModel::id).toList()));
  }

  static DiscoveredDataset dataset(DiscoveryResult r, String id) {
    return r.datasets().stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no dataset "
                        + id
                        + " in "
                        + r.datasets().stream().map(DiscoveredDataset::id).toList()));
  }

  static String card(String... lines) {
    return "---\n" + String.join("\n", lines) + "\n---\n\n# Card\n";
  }
}
