package dev.heredity.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.weights.safetensors.SafetensorsFile;
import dev.heredity.weights.safetensors.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A model's weights on disk: one {@code .safetensors} file, a sharded checkpoint (its {@code
 * model.safetensors.index.json}), or a folder holding either. A GGUF file opens as a checkpoint
 * with no readable tensors and {@link #unsupported()} set, so a comparison can say why it cannot
 * decide.
 */
public final class Checkpoint implements TensorSource {
  public static final String INDEX = "model.safetensors.index.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Formats recognised but not compared. */
  public enum Unsupported {
    GGUF
  }

  private final Path path;
  private final List<SafetensorsFile> files;
  private final Map<String, SafetensorsFile> owner;
  private final Map<String, long[]> shapes;
  private final Unsupported unsupported;

  private Checkpoint(
      Path path,
      List<SafetensorsFile> files,
      Map<String, SafetensorsFile> owner,
      Unsupported unsupported) {
    this.path = path;
    this.files = files;
    this.owner = owner;
    this.unsupported = unsupported;
    Map<String, long[]> s = new LinkedHashMap<>();
    owner.forEach(
        (name, file) -> {
          TensorInfo t = file.tensors().get(name);
          if (t.dtype().readableAsFloat()) {
            s.put(name, t.shape());
          }
        });
    this.shapes = Collections.unmodifiableMap(s);
  }

  /** True when {@code dir} holds weights {@link #open} can read or recognise. */
  public static boolean looksLikeWeights(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.anyMatch(
          p -> {
            String n = p.getFileName().toString();
            return n.endsWith(".safetensors") || n.equals(INDEX) || n.endsWith(".gguf");
          });
    } catch (IOException e) {
      return false;
    }
  }

  public static Checkpoint open(Path path) {
    if (!Files.exists(path)) {
      throw new UncheckedIOException(new NoSuchFileException(path.toString()));
    }
    if (Files.isDirectory(path)) {
      return openDirectory(path);
    }
    SafetensorsFile.requireRegularFile(path);
    String name = path.getFileName().toString();
    if (name.endsWith(".json")) {
      return openIndex(path);
    }
    if (name.endsWith(".gguf") || startsWithGgufMagic(path)) {
      return new Checkpoint(path, List.of(), Map.of(), Unsupported.GGUF);
    }
    SafetensorsFile file = SafetensorsFile.open(path);
    return single(path, List.of(file));
  }

  private static Checkpoint openDirectory(Path dir) {
    Path index = dir.resolve(INDEX);
    if (Files.isRegularFile(index)) {
      return openIndex(index);
    }
    List<Path> safetensors = new ArrayList<>();
    List<Path> gguf = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.sorted()
          .forEach(
              p -> {
                String n = p.getFileName().toString();
                if (n.endsWith(".safetensors")) {
                  safetensors.add(p);
                } else if (n.endsWith(".gguf")) {
                  gguf.add(p);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (safetensors.isEmpty()) {
      if (!gguf.isEmpty()) {
        return new Checkpoint(dir, List.of(), Map.of(), Unsupported.GGUF);
      }
      throw new InvalidWeightsException(
          dir, "folder", "no *.safetensors, " + INDEX + " or *.gguf file");
    }
    List<SafetensorsFile> opened = new ArrayList<>();
    try {
      for (Path p : safetensors) {
        opened.add(SafetensorsFile.open(p));
      }
    } catch (RuntimeException e) {
      opened.forEach(SafetensorsFile::close);
      throw e;
    }
    return single(dir, opened);
  }

  private static Checkpoint single(Path path, List<SafetensorsFile> files) {
    Map<String, SafetensorsFile> owner = new LinkedHashMap<>();
    for (SafetensorsFile f : files) {
      for (String name : f.tensors().keySet()) {
        SafetensorsFile previous = owner.putIfAbsent(name, f);
        if (previous != null) {
          files.forEach(SafetensorsFile::close);
          throw new InvalidWeightsException(
              f.file(), "tensor \"" + name + "\"", "also in " + previous.file());
        }
      }
    }
    return new Checkpoint(path, files, owner, null);
  }

  private static Checkpoint openIndex(Path index) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(index)) {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new InvalidWeightsException(
          index, "index" + at, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode map = root == null ? null : root.get("weight_map");
    if (map == null || !map.isObject()) {
      throw new InvalidWeightsException(index, "weight_map", "missing or not a JSON object");
    }
    Path dir = index.toAbsolutePath().getParent();
    Map<String, SafetensorsFile> byShard = new LinkedHashMap<>();
    Map<String, SafetensorsFile> owner = new LinkedHashMap<>();
    try {
      for (var it = map.fields(); it.hasNext(); ) {
        var e = it.next();
        String tensor = e.getKey();
        if (!e.getValue().isTextual()) {
          throw new InvalidWeightsException(
              index, "weight_map.\"" + tensor + "\"", "not a file name");
        }
        String shard = e.getValue().asText();
        Path shardPath = dir.resolve(shard).normalize();
        if (!shardPath.startsWith(dir) || shard.isEmpty()) {
          throw new InvalidWeightsException(
              index,
              "weight_map.\"" + tensor + "\"",
              "\"" + shard + "\" is outside the checkpoint folder");
        }
        if (!Files.isRegularFile(shardPath)) {
          throw new InvalidWeightsException(
              index, "weight_map.\"" + tensor + "\"", "shard \"" + shard + "\" does not exist");
        }
        SafetensorsFile file = byShard.get(shard);
        if (file == null) {
          file = SafetensorsFile.open(shardPath);
          byShard.put(shard, file);
        }
        if (!file.tensors().containsKey(tensor)) {
          throw new InvalidWeightsException(
              index, "weight_map.\"" + tensor + "\"", "not in shard \"" + shard + "\"");
        }
        owner.put(tensor, file);
      }
    } catch (RuntimeException e) {
      byShard.values().forEach(SafetensorsFile::close);
      throw e;
    }
    return new Checkpoint(index, new ArrayList<>(byShard.values()), owner, null);
  }

  private static boolean startsWithGgufMagic(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 'G'
          && magic[1] == 'G'
          && magic[2] == 'U'
          && magic[3] == 'F';
    } catch (IOException e) {
      return false;
    }
  }

  public Path path() {
    return path;
  }

  public Optional<Unsupported> unsupported() {
    return Optional.ofNullable(unsupported);
  }

  @Override
  public String label() {
    return path.toString();
  }

  @Override
  public Map<String, long[]> shapes() {
    return shapes;
  }

  @Override
  public void read(String name, long fromElement, float[] dst) {
    SafetensorsFile file = owner.get(name);
    file.readFloats(file.tensors().get(name), fromElement, dst);
  }

  @Override
  public void close() {
    files.forEach(SafetensorsFile::close);
  }
}
