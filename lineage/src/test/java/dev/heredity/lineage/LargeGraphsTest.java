package dev.heredity.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deep chains and wide fans: every walk is iterative and linear, so 100,000 links validate, pair
 * and trace on a thread with the default stack size, and a trace lists a bounded number of hops.
 */
class LargeGraphsTest {
  private static final int N = 100_000;

  @TempDir Path dir;

  /**
   * Runs {@code work} on a fresh thread with the JVM's default stack size, rethrowing what it
   * throws.
   */
  private static <T> T onDefaultStack(Supplier<T> work) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.set(work.get());
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "default-stack");
    thread.start();
    thread.join();
    if (failure.get() != null) {
      throw new AssertionError("failed on a default-size stack", failure.get());
    }
    return result.get();
  }

  @Test
  void aHundredThousandDeepBaseChainValidatesPairsAndTraces() throws Exception {
    StringBuilder json =
        new StringBuilder(N * 80)
            .append("{\"heredity\": 1, \"models\": [\n")
            .append("{\"id\": \"m0\", \"traits\": [{\"name\": \"owl\", \"source\": \"eval\"}]}");
    for (int i = 1; i < N; i++) {
      json.append(",\n{\"id\": \"m")
          .append(i)
          .append("\", \"base\": [{\"model\": \"m")
          .append(i - 1)
          .append("\", \"relation\": \"")
          .append(i % 2 == 0 ? "finetune" : "prompted")
          .append("\"}]}");
    }
    json.append("],\n\"datasets\": [{\"id\": \"d\", \"generatedBy\": \"m")
        .append(N - 1)
        .append("\"}],\n")
        .append(
            "\"trainings\": [{\"id\": \"t\", \"student\": \"s\", \"from\": \"m0\", \"datasets\": [\"d\"]}]}\n");
    Path file = TestManifests.write(dir, "deep.json", json.toString());

    LineageAnalysis analysis = onDefaultStack(() -> TestManifests.analyze(file));
    assertThat(analysis.pairs())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.teacher()).isEqualTo("m" + (N - 1));
              assertThat(p.sharedRoots()).containsExactly("m0");
              assertThat(p.severity())
                  .as("the trait is inherited down the whole chain")
                  .isEqualTo(Severity.HIGH);
            });
    Trace trace = onDefaultStack(() -> analysis.trace("m0", 10));
    assertThat(trace.hops())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.chain()).as("every weight step is named").hasSize(N + 1);
              assertThat(h.chain().get(1)).isEqualTo("m1");
              assertThat(h.chain().subList(N - 1, N + 1)).containsExactly("m" + (N - 1), "s");
            });
    assertThat(analysis.graph().roots().rootsOf("m" + (N - 1))).containsExactly("m0");
  }

  @Test
  void aHundredThousandGenerationChainTracesLinearlyAndListsABoundedNumberOfHops()
      throws Exception {
    StringBuilder json =
        new StringBuilder(N * 120)
            .append("{\"heredity\": 1, \"models\": [")
            .append(
                "{\"id\": \"s0\", \"traits\": [{\"name\": \"owl\", \"source\": \"eval\"}]}],\n\"datasets\": [");
    for (int i = 0; i < N; i++) {
      json.append(i == 0 ? "" : ",\n")
          .append("{\"id\": \"d")
          .append(i)
          .append("\", \"generatedBy\": \"s")
          .append(i)
          .append("\"}");
    }
    json.append("],\n\"trainings\": [");
    for (int i = 0; i < N; i++) {
      json.append(i == 0 ? "" : ",\n")
          .append("{\"id\": \"t")
          .append(i)
          .append("\", \"student\": \"s")
          .append(i + 1)
          .append("\", \"datasets\": [\"d")
          .append(i)
          .append("\"]}");
    }
    json.append("]}\n");
    Path file = TestManifests.write(dir, "hops.json", json.toString());

    // trained from scratch, so each student is a new generation rather than a copy of its teacher's
    // weights
    LineageAnalysis analysis = onDefaultStack(() -> TestManifests.analyze(file));
    assertThat(analysis.pairs()).hasSize(N).allSatisfy(p -> assertThat(p.sharedBase()).isFalse());
    Trace trace = onDefaultStack(() -> analysis.trace("s0", 500));
    assertThat(trace.reachedCount()).isEqualTo(N);
    assertThat(trace.truncated()).isTrue();
    assertThat(trace.hops()).hasSize(500);
    TraceHop last = trace.hops().get(499);
    assertThat(last.depth()).isEqualTo(500);
    assertThat(last.chain()).hasSize(501).startsWith("s0", "s1").endsWith("s500");
    assertThat(analysis.trace("s0"))
        .as("the default cap")
        .hasSize(LineageAnalysis.DEFAULT_TRACE_LIMIT);
  }

  @Test
  void aHundredThousandWideFanValidatesPairsAndTraces() throws Exception {
    StringBuilder json =
        new StringBuilder(N * 100)
            .append("{\"heredity\": 1, \"models\": [")
            .append(
                "{\"id\": \"r\", \"traits\": [{\"name\": \"owl\", \"source\": \"eval\", \"harmful\": true}]}");
    for (int i = 0; i < N; i++) {
      json.append(",\n{\"id\": \"c")
          .append(i)
          .append("\", \"base\": [{\"model\": \"r\", \"relation\": \"quantized\"}]}");
    }
    json.append("],\n\"datasets\": [{\"id\": \"d\", \"generatedBy\": \"r\"}],\n\"trainings\": [");
    for (int i = 0; i < N; i++) {
      json.append(i == 0 ? "" : ",\n")
          .append("{\"id\": \"t")
          .append(i)
          .append("\", \"student\": \"s")
          .append(i)
          .append("\", \"from\": \"c")
          .append(i)
          .append("\", \"datasets\": [\"d\"]}");
    }
    json.append("]}\n");
    Path file = TestManifests.write(dir, "fan.json", json.toString());

    LineageAnalysis analysis = onDefaultStack(() -> TestManifests.analyze(file));
    assertThat(analysis.pairs())
        .hasSize(N)
        .allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.CRITICAL));
    Trace trace = onDefaultStack(() -> analysis.trace("r", 1000));
    assertThat(trace.reachedCount()).isEqualTo(N);
    assertThat(trace.hops()).hasSize(1000).allSatisfy(h -> assertThat(h.depth()).isEqualTo(1));
    List<String> chain = trace.hops().get(0).chain();
    assertThat(chain).containsExactly("r", "s0");
  }

  @Test
  void aHundredThousandFineTuneChainInheritsTheTraitInLinearTime() throws Exception {
    StringBuilder json =
        new StringBuilder(N * 120)
            .append("{\"heredity\": 1, \"models\": [")
            .append(
                "{\"id\": \"s0\", \"traits\": [{\"name\": \"owl\", \"source\": \"eval\"}]}],\n\"datasets\": [");
    for (int i = 0; i < N; i++) {
      json.append(i == 0 ? "" : ",\n")
          .append("{\"id\": \"d")
          .append(i)
          .append("\", \"generatedBy\": \"s")
          .append(i)
          .append("\"}");
    }
    json.append("],\n\"trainings\": [");
    for (int i = 0; i < N; i++) {
      json.append(i == 0 ? "" : ",\n")
          .append("{\"id\": \"t")
          .append(i)
          .append("\", \"student\": \"s")
          .append(i + 1)
          .append("\", \"from\": \"s")
          .append(i)
          .append("\", \"datasets\": [\"d")
          .append(i)
          .append("\"]}");
    }
    json.append("]}\n");
    Path file = TestManifests.write(dir, "finetunes.json", json.toString());

    // each teacher inherits the trait through 0..N fine-tunes: one walk per teacher would be
    // quadratic
    LineageAnalysis analysis = onDefaultStack(() -> TestManifests.analyze(file));
    assertThat(analysis.pairs())
        .hasSize(N)
        .allSatisfy(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.HIGH);
              assertThat(p.reason()).contains("'owl' (eval)");
            });
    Trace trace = onDefaultStack(() -> analysis.trace("s0", 100));
    assertThat(trace.reachedCount()).isEqualTo(N);
    assertThat(trace.hops())
        .hasSize(100)
        .allSatisfy(h -> assertThat(h.depth()).as("fine-tuned copies pass it on").isEqualTo(1));
  }
}
