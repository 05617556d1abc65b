package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.weights.safetensors.Dtype;
import dev.heredity.weights.safetensors.SafetensorsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsComparisonTest {
  static final WeightsOptions FULL = WeightsOptions.defaults().withShortcut(false).withThreads(2);
  static float[] data;
  static float[] targets;
  static TinyLlama base;

  @TempDir Path dir;

  @BeforeAll
  static void trainBase() {
    data = TinyLlama.inputs(256, 7);
    targets = TinyLlama.init(999).outputs(data);
    base = TinyLlama.init(1).train(data, targets, 300, 0.05, 11);
  }

  static TinyLlama fineTune(TinyLlama from, long seed) {
    float[] other = TinyLlama.inputs(256, seed);
    float[] otherTargets = TinyLlama.init(seed + 1000).outputs(other);
    return from.copy().train(other, otherTargets, 300, 0.05, seed);
  }

  static WeightsResult compare(TinyLlama a, TinyLlama b, WeightsOptions options) {
    return WeightsComparison.compare(a.tensors("a"), b.tensors("b"), options);
  }

  @Test
  void aFineTuneSharesItsBasesInit() {
    WeightsResult r = compare(base, fineTune(base, 21), FULL);
    assertThat(r.verdict()).isEqualTo(Verdict.SHARED_INIT);
    assertThat(r.method()).isEqualTo(Method.MATCHED_RANK_TEST);
    assertThat(r.layers())
        .extracting(LayerEvidence::name)
        .containsExactly("model.layers.0.mlp", "model.layers.1.mlp");
    assertThat(r.layers())
        .allSatisfy(
            l -> {
              assertThat(l.statistic()).isGreaterThan(0.9);
              assertThat(l.tensors())
                  .containsExactly(l.name() + ".gate_proj.weight", l.name() + ".up_proj.weight");
            });
    assertThat(r.pValue()).isLessThan(1e-10);
  }

  @Test
  void theFirstTierConfirmsAPlainFineTuneOfAWideModelWithoutTheMatching() {
    // the concentration bound needs many units (the tiny model's 48 are too few for it to reach
    // alpha)
    java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
    InMemoryTensors a = new InMemoryTensors("a");
    InMemoryTensors b = new InMemoryTensors("b");
    float[] up = gaussian(1024 * 32, rng);
    a.put("model.layers.0.mlp.up_proj.weight", new long[] {1024, 32}, up);
    b.put("model.layers.0.mlp.up_proj.weight", new long[] {1024, 32}, noisy(up, rng));
    WeightsResult r = WeightsComparison.compare(a, b, WeightsOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.SHARED_INIT);
    assertThat(r.method()).isEqualTo(Method.SAME_UNIT_COSINE);
    assertThat(r.notes())
        .extracting(WeightsNote::code)
        .contains(WeightsNote.Code.SHORTCUT_CONFIRMED);
    assertThat(r.layers())
        .singleElement()
        .satisfies(l -> assertThat(l.statistic()).isGreaterThan(0.8));
  }

  @Test
  void permutingHiddenUnitsAndHeadsCannotHideASharedInit() {
    TinyLlama tuned = fineTune(base, 23);
    TinyLlama permuted = tuned.permuted(5);
    float[] x = TinyLlama.inputs(4, 99);
    assertThat(permuted.outputs(x))
        .containsExactly(tuned.outputs(x), org.assertj.core.data.Offset.offset(1e-4f));
    WeightsResult r = compare(base, permuted, WeightsOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.SHARED_INIT);
    assertThat(r.method())
        .as("the same-unit tier cannot see through a permutation")
        .isEqualTo(Method.MATCHED_RANK_TEST);
  }

  @Test
  void anIndependentInitTrainedOnTheSameDataIsIndependent() {
    TinyLlama other = TinyLlama.init(2).train(data, targets, 300, 0.05, 11);
    WeightsResult r = compare(base, other, WeightsOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.INDEPENDENT);
    assertThat(r.pValue()).isGreaterThan(0.01);
  }

  @Test
  void aStudentDistilledFromTheBaseFromANewInitIsIndependent() {
    TinyLlama student = TinyLlama.init(3).train(data, base.outputs(data), 400, 0.05, 12);
    WeightsResult r = compare(base, student, WeightsOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.INDEPENDENT);
  }

  @Test
  void bf16ShardsOfAFineTuneShareTheBasesInit() throws Exception {
    TinyLlama tuned = fineTune(base, 24);
    Path a = dir.resolve("base.safetensors");
    base.write(a, Dtype.F32);
    Path shards = Files.createDirectories(dir.resolve("tuned"));
    List<String> names = new ArrayList<>(tuned.w.keySet());
    List<String> first = names.subList(0, names.size() / 2);
    List<String> second = names.subList(names.size() / 2, names.size());
    SafetensorsWriter.write(
        shards.resolve("model-00001-of-00002.safetensors"),
        tuned.entries(first, Dtype.BF16),
        Map.of());
    SafetensorsWriter.write(
        shards.resolve("model-00002-of-00002.safetensors"),
        tuned.entries(second, Dtype.BF16),
        Map.of());
    StringBuilder index = new StringBuilder("{\"metadata\": {}, \"weight_map\": {");
    for (int i = 0; i < names.size(); i++) {
      index
          .append(i == 0 ? "" : ",")
          .append('"')
          .append(names.get(i))
          .append("\": \"model-0000")
          .append(i < first.size() ? 1 : 2)
          .append("-of-00002.safetensors\"");
    }
    Files.writeString(shards.resolve(Checkpoint.INDEX), index.append("}}").toString());

    WeightsResult full = WeightsComparison.compare(a, shards, FULL);
    assertThat(full.verdict()).isEqualTo(Verdict.SHARED_INIT);
    WeightsResult quick = WeightsComparison.compare(a, shards, WeightsOptions.defaults());
    assertThat(quick.verdict()).isEqualTo(Verdict.SHARED_INIT);
  }

  @Test
  void nullPairsRejectAtMostAlphaOfTheTime() {
    // independent inits trained on the same data: the hardest honest null (they learn the same
    // function)
    // and the same pairs through the sketch (16 features folded to 8)
    int pairs = 40;
    int rejected = 0;
    int rejectedSketched = 0;
    for (int i = 0; i < pairs; i++) {
      TinyLlama a = TinyLlama.init(100 + 2L * i).train(data, targets, 60, 0.05, i);
      TinyLlama b = TinyLlama.init(101 + 2L * i).train(data, targets, 60, 0.05, i);
      WeightsResult r = compare(a, b, FULL.withAlpha(0.05));
      rejected += r.verdict() == Verdict.SHARED_INIT ? 1 : 0;
      WeightsResult sketched = compare(a, b, FULL.withAlpha(0.05).withSketch(8));
      assertThat(sketched.notes())
          .contains(new WeightsNote(WeightsNote.Code.SKETCHED, "", "16 -> 8"));
      rejectedSketched += sketched.verdict() == Verdict.SHARED_INIT ? 1 : 0;
    }
    // Binomial(40, 0.05): P(X >= 7) = 0.014
    assertThat(rejected).isLessThanOrEqualTo(6);
    assertThat(rejectedSketched).isLessThanOrEqualTo(6);
  }

  @Test
  void sketchedWideNullPairsRejectAtMostAlphaOfTheTime() {
    SplittableRandom rng = new SplittableRandom(41);
    int pairs = 60;
    int rejected = 0;
    for (int i = 0; i < pairs; i++) {
      WeightsResult r =
          WeightsComparison.compare(
              twoViews("a", 256, 1024, rng, null, 0),
              twoViews("b", 256, 1024, rng, null, 0),
              FULL.withAlpha(0.05).withSketch(64));
      assertThat(r.method()).isEqualTo(Method.MATCHED_RANK_TEST);
      rejected += r.verdict() == Verdict.SHARED_INIT ? 1 : 0;
    }
    // Binomial(60, 0.05): P(X >= 8) = 0.026
    assertThat(rejected).isLessThanOrEqualTo(7);
  }

  @Test
  void theSketchStillSeesWeakSharedInitsThroughAPermutation() {
    // a fine-tune that moved each unit by 1 to 3 times its own norm (unit cosine 0.71 to 0.32),
    // hidden units permuted; 2048 features sketched to 256, a harsher ratio than the default's
    SplittableRandom rng = new SplittableRandom(43);
    InMemoryTensors base = twoViews("base", 512, 2048, rng, null, 0);
    for (double noise : new double[] {1, 2, 3}) {
      InMemoryTensors tuned = twoViews("tuned", 512, 2048, rng, base, noise);
      WeightsResult r = WeightsComparison.compare(base, tuned, FULL.withSketch(256));
      assertThat(r.verdict()).as("noise %s", noise).isEqualTo(Verdict.SHARED_INIT);
      assertThat(r.notes()).contains(new WeightsNote(WeightsNote.Code.SKETCHED, "", "2048 -> 256"));
      assertThat(r.layers().get(0).statistic()).as("noise %s", noise).isGreaterThan(0.5);
    }
  }

  @Test
  void aLayerWithNonFiniteWeightsIsLeftOutAndNamed() {
    TinyLlama tuned = fineTune(base, 21);
    InMemoryTensors a = base.tensors("a");
    InMemoryTensors b = tuned.tensors("b");
    b.values("model.layers.1.mlp.up_proj.weight")[5] = Float.NaN;
    WeightsResult r = WeightsComparison.compare(a, b, FULL);
    assertThat(r.verdict()).isEqualTo(Verdict.SHARED_INIT);
    assertThat(r.layers()).extracting(LayerEvidence::name).containsExactly("model.layers.0.mlp");
    assertThat(r.notes())
        .filteredOn(n -> n.code() == WeightsNote.Code.NON_FINITE)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.subject()).isEqualTo("model.layers.1.mlp");
              assertThat(n.detail()).isEqualTo("0/1");
            });
    assertThat(Double.isFinite(r.pValue())).isTrue();
  }

  @Test
  void nonFiniteWeightsInEveryLayerMakeThePairInconclusiveNeverIndependent() {
    InMemoryTensors a = base.tensors("a");
    InMemoryTensors b = TinyLlama.init(2).train(data, targets, 300, 0.05, 11).tensors("b");
    for (String layer : new String[] {"model.layers.0.mlp", "model.layers.1.mlp"}) {
      b.values(layer + ".gate_proj.weight")[0] = Float.POSITIVE_INFINITY;
    }
    WeightsResult r = WeightsComparison.compare(a, b, WeightsOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.notes()).filteredOn(n -> n.code() == WeightsNote.Code.NON_FINITE).hasSize(2);
  }

  /**
   * Gate and up views of one layer: Gaussian, or {@code from}'s weights plus {@code noise} times
   * fresh Gaussian noise with the hidden units permuted.
   */
  static InMemoryTensors twoViews(
      String label,
      int units,
      int features,
      SplittableRandom rng,
      InMemoryTensors from,
      double noise) {
    InMemoryTensors t = new InMemoryTensors(label);
    int[] order = TinyLlama.permutation(units, rng);
    for (String role : new String[] {"gate_proj", "up_proj"}) {
      String name = "model.layers.0.mlp." + role + ".weight";
      float[] w = gaussian(units * features, rng);
      if (from != null) {
        float[] original = new float[units * features];
        from.read(name, 0, original);
        for (int i = 0; i < units; i++) {
          for (int p = 0; p < features; p++) {
            w[i * features + p] =
                original[order[i] * features + p] + (float) noise * w[i * features + p];
          }
        }
      }
      t.put(name, new long[] {units, features}, w);
    }
    return t;
  }

  @Test
  void theFirstTierNeverConfirmsIndependentWideLayers() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(12);
    for (int i = 0; i < 8; i++) {
      InMemoryTensors a =
          new InMemoryTensors("a")
              .put(
                  "model.layers.0.mlp.up_proj.weight",
                  new long[] {1024, 32},
                  gaussian(1024 * 32, rng));
      InMemoryTensors b =
          new InMemoryTensors("b")
              .put(
                  "model.layers.0.mlp.up_proj.weight",
                  new long[] {1024, 32},
                  gaussian(1024 * 32, rng));
      WeightsResult r = WeightsComparison.compare(a, b, WeightsOptions.defaults().withAlpha(0.05));
      assertThat(r.method()).isEqualTo(Method.MATCHED_RANK_TEST);
    }
  }

  @Test
  void differentShapesAreInconclusiveAndSayWhy() {
    InMemoryTensors a = base.tensors("a");
    InMemoryTensors b = new InMemoryTensors("b");
    b.put("model.layers.0.mlp.up_proj.weight", new long[] {40, 16}, new float[640]);
    WeightsResult r = WeightsComparison.compare(a, b, WeightsOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.notes()).extracting(WeightsNote::code).contains(WeightsNote.Code.SHAPE_MISMATCH);
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void unknownNamingIsInconclusive() {
    InMemoryTensors a = new InMemoryTensors("a").put("encoder.w", new long[] {8, 8}, new float[64]);
    InMemoryTensors b = new InMemoryTensors("b").put("encoder.w", new long[] {8, 8}, new float[64]);
    WeightsResult r = WeightsComparison.compare(a, b, WeightsOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.notes())
        .extracting(WeightsNote::code)
        .containsExactly(WeightsNote.Code.NO_KNOWN_LAYERS);
  }

  @Test
  void ggufIsInconclusiveWithTheReason() throws Exception {
    Path gguf = dir.resolve("model.gguf");
    Files.write(gguf, new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0});
    Path a = dir.resolve("a.safetensors");
    base.write(a, Dtype.F32);
    WeightsResult r = WeightsComparison.compare(a, gguf, WeightsOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.code()).isEqualTo(WeightsNote.Code.UNSUPPORTED_FORMAT);
              assertThat(n.detail()).isEqualTo("GGUF");
            });
  }

  @Test
  void gpt2NamingMatchesColumnAndRowViews() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
    InMemoryTensors a = new InMemoryTensors("a");
    InMemoryTensors b = new InMemoryTensors("b");
    for (int l = 0; l < 2; l++) {
      float[] fc = gaussian(16 * 40, rng);
      float[] proj = gaussian(40 * 16, rng);
      a.put("transformer.h." + l + ".mlp.c_fc.weight", new long[] {16, 40}, fc);
      a.put("transformer.h." + l + ".mlp.c_proj.weight", new long[] {40, 16}, proj);
      b.put("transformer.h." + l + ".mlp.c_fc.weight", new long[] {16, 40}, noisy(fc, rng));
      b.put("transformer.h." + l + ".mlp.c_proj.weight", new long[] {40, 16}, noisy(proj, rng));
    }
    WeightsResult r = WeightsComparison.compare(a, b, FULL);
    assertThat(r.verdict()).isEqualTo(Verdict.SHARED_INIT);
    assertThat(r.layers())
        .extracting(LayerEvidence::name)
        .containsExactly("transformer.h.0.mlp", "transformer.h.1.mlp");
    assertThat(r.notes()).extracting(WeightsNote::subject).contains("gpt2");
  }

  static float[] gaussian(int n, java.util.SplittableRandom rng) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) TinyLlama.gaussian(rng);
    }
    return v;
  }

  static float[] noisy(float[] v, java.util.SplittableRandom rng) {
    float[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += (float) (0.5 * TinyLlama.gaussian(rng));
    }
    return out;
  }
}
