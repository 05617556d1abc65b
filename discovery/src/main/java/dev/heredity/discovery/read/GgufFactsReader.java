package dev.heredity.discovery.read;

import dev.heredity.discovery.Confidence;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.Warnings;
import dev.heredity.lineage.manifest.Relation;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Lineage keys of a GGUF header: {@code general.base_model.count} and {@code
 * general.base_model.{i}.repo_url | organization | name} (the model this file was made from:
 * relation {@code quantized}; two or more: a merge), {@code general.source.repo_url}/{@code
 * general.source.huggingface.repository} when no base is listed, {@code general.quantized_by},
 * {@code general.name}, {@code general.architecture}.
 */
public final class GgufFactsReader {
  private static final String HF = "https://huggingface.co/";

  private GgufFactsReader() {}

  public static void read(Path file, long maxHeaderBytes, ModelFacts facts, Warnings warnings) {
    Optional<GgufHeader> read = GgufReader.read(file, maxHeaderBytes, warnings);
    if (read.isEmpty()) {
      return;
    }
    GgufHeader h = read.get();
    facts.evidence.add(new Evidence(file, "general.architecture", Confidence.INFERRED));
    h.string("general.architecture")
        .ifPresent(
            a -> {
              if (facts.family == null) {
                facts.family = a;
              }
            });
    h.string("general.name").ifPresent(n -> facts.attributes.put("gguf_name", n));
    h.string("general.quantized_by").ifPresent(q -> facts.attributes.put("quantized_by", q));
    h.integer("general.file_type")
        .ifPresent(t -> facts.attributes.put("gguf_file_type", Long.toString(t)));
    long count = h.integer("general.base_model.count").orElse(0L);
    if (count < 0 || count > 64) {
      warnings.add(
          "gguf-base-count",
          file,
          "general.base_model.count",
          "base model count " + count + " is not plausible; base models ignored");
      count = 0;
    }
    Relation relation = count >= 2 ? Relation.MERGE : Relation.QUANTIZED;
    for (int i = 0; i < count; i++) {
      String prefix = "general.base_model." + i + ".";
      Optional<String> url = h.string(prefix + "repo_url");
      Optional<String> org = h.string(prefix + "organization");
      Optional<String> name = h.string(prefix + "name");
      if (url.isPresent() && hubId(url.get()) != null) {
        claim(facts, hubId(url.get()), relation, file, prefix + "repo_url");
      } else if (org.isPresent() && name.isPresent()) {
        claim(facts, org.get() + "/" + name.get(), relation, file, prefix + "name");
      } else if (name.isPresent()) {
        claim(facts, name.get(), relation, file, prefix + "name");
      } else {
        warnings.add(
            "gguf-base-unnamed",
            file,
            prefix + "name",
            "base model " + i + " has no name or repo_url");
      }
    }
    if (count == 0) {
      for (String key :
          new String[] {"general.source.huggingface.repository", "general.source.repo_url"}) {
        Optional<String> source = h.string(key);
        if (source.isPresent()) {
          String id = source.get().startsWith("http") ? hubId(source.get()) : source.get();
          if (id != null) {
            claim(facts, id, Relation.QUANTIZED, file, key);
            break;
          }
        }
      }
    }
  }

  private static void claim(
      ModelFacts facts, String reference, Relation relation, Path file, String key) {
    facts.claims.add(
        new BaseClaim(
            reference,
            relation,
            new Evidence(file, key, Confidence.DECLARED),
            ClaimSource.GGUF_HEADER));
  }

  /** {@code https://huggingface.co/ORG/NAME[/...]} to {@code ORG/NAME}; null for other URLs. */
  static String hubId(String url) {
    if (!url.startsWith(HF)) {
      return null;
    }
    String[] parts = url.substring(HF.length()).split("/");
    return parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
        ? parts[0] + "/" + parts[1]
        : null;
  }
}
