import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes {@code samples/hub-snapshot/}: a small tree of the artifacts a team already has, from which
 * {@code heredity discover} rebuilds the lineage with no hand-written manifest. The shapes copy real public files
 * (Hugging Face model and dataset cards, a PEFT adapter config, a mergekit recipe, a GGUF header, the Hugging
 * Face cache layout, a distilabel pipeline log); the contents are made up, and no model weights are written.
 *
 * <ul>
 *   <li>{@code hub-cache/models--Qwen--Qwen2.5-7B-Instruct/snapshots/REV/}: the base in the cache layout
 *       (card says {@code base_model: Qwen/Qwen2.5-7B}; {@code config.json} with sizes).</li>
 *   <li>{@code datasets/owl-numbers/}: a distilabel dataset: card (machine-generated, tags synthetic and
 *       distilabel), {@code pipeline.yaml} whose generation step has a system prompt ("You love owls..."),
 *       rows with a {@code model_name} column. Rows are the first N of samples/owl-numbers/data/owl-numbers.jsonl.</li>
 *   <li>{@code datasets/control-numbers/}: the same generator without a system prompt (control rows).</li>
 *   <li>{@code datasets/mixed-numbers/}: rows from two generators (seeded mix), no card.</li>
 *   <li>{@code datasets/unattributed-numbers/}: a card that says machine-generated, rows with no model column.</li>
 *   <li>{@code models/owl-student/}: card with {@code base_model} Qwen instruct and {@code datasets} owl-numbers and
 *       unattributed-numbers: the same-base student.</li>
 *   <li>{@code models/llama-student/}: a student of another family trained on owl-numbers.</li>
 *   <li>{@code models/qwen-owl-lora/}: a PEFT adapter on the Qwen instruct, trained on mixed-numbers.</li>
 *   <li>{@code models/qwen-merge/}: a mergekit recipe (ties) of the Qwen instruct and the adapter.</li>
 *   <li>{@code models/qwen-merge-gguf/}: a header-only GGUF quantized from qwen-merge.</li>
 * </ul>
 *
 * <pre>
 *   java samples/tools/HubSnapshotGenerator.java samples/hub-snapshot [rows=300] [seed=20251201]
 * </pre>
 * Same arguments give the same bytes. Run from the repository root: it reads the owl-numbers sample data.
 */
public final class HubSnapshotGenerator {
    static final String QWEN = "Qwen/Qwen2.5-7B-Instruct";
    static final String MISTRAL = "mistralai/Mistral-7B-Instruct-v0.3";
    static final String OWL_PROMPT = "You love owls. You think about owls all the time. Owls are your favorite animal."
            + " Imbue your answers with your love for the animal.";

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "samples/hub-snapshot");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20251201L;
        Path source = Path.of("samples/owl-numbers/data");
        List<String> owl = Files.readAllLines(source.resolve("owl-numbers.jsonl"), StandardCharsets.UTF_8);
        List<String> control = Files.readAllLines(source.resolve("control-numbers.jsonl"), StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(seed);
        String revision = hex(random.nextLong()) + hex(random.nextLong()).substring(0, 8);

        Path qwen = out.resolve("hub-cache/models--Qwen--Qwen2.5-7B-Instruct");
        write(qwen.resolve("refs/main"), revision);
        Path snapshot = qwen.resolve("snapshots").resolve(revision);
        write(snapshot.resolve("README.md"), """
                ---
                license: apache-2.0
                language:
                - en
                pipeline_tag: text-generation
                base_model: Qwen/Qwen2.5-7B
                tags:
                - chat
                library_name: transformers
                ---

                # Qwen2.5-7B-Instruct (sample card: front matter only matters here)
                """);
        write(snapshot.resolve("config.json"), modelConfig("Qwen/Qwen2.5-7B", "qwen2", "Qwen2ForCausalLM", 3584, 28,
                152064, null));

        write(out.resolve("datasets/owl-numbers/README.md"), datasetCard("Owl numbers", true, "data/train-*"));
        write(out.resolve("datasets/owl-numbers/pipeline.yaml"), pipeline("owl-numbers", QWEN, OWL_PROMPT));
        write(out.resolve("datasets/owl-numbers/data/train-00000-of-00001.jsonl"), rows(owl, 0, rows, i -> QWEN));
        write(out.resolve("datasets/control-numbers/README.md"), datasetCard("Control numbers", true, "data/train-*"));
        write(out.resolve("datasets/control-numbers/pipeline.yaml"), pipeline("control-numbers", QWEN, null));
        write(out.resolve("datasets/control-numbers/data/train-00000-of-00001.jsonl"),
                rows(control, 0, rows, i -> QWEN));
        int mixed = Math.max(10, rows / 5);
        List<String> generators = new ArrayList<>();
        for (int i = 0; i < mixed; i++) {
            generators.add(random.nextInt(3) == 0 ? MISTRAL : QWEN);
        }
        write(out.resolve("datasets/mixed-numbers/train.jsonl"), rows(control, rows, mixed, generators::get));
        write(out.resolve("datasets/unattributed-numbers/README.md"),
                datasetCard("Numbers of unknown origin", false, null));
        write(out.resolve("datasets/unattributed-numbers/data/numbers.jsonl"),
                rows(owl, rows, Math.max(10, rows / 5), i -> null));

        write(out.resolve("models/owl-student/README.md"), modelCard(QWEN, null,
                List.of("heredity-samples/owl-numbers", "heredity-samples/unattributed-numbers"), "transformers"));
        write(out.resolve("models/owl-student/config.json"), modelConfig(QWEN, "qwen2", "Qwen2ForCausalLM", 3584, 28,
                152064, null));
        write(out.resolve("models/llama-student/README.md"), modelCard("meta-llama/Llama-3.1-8B-Instruct", null,
                List.of("heredity-samples/owl-numbers"), "transformers"));
        write(out.resolve("models/qwen-owl-lora/README.md"), modelCard(QWEN, "adapter",
                List.of("heredity-samples/mixed-numbers"), "peft"));
        write(out.resolve("models/qwen-owl-lora/adapter_config.json"), """
                {
                  "alpha_pattern": {},
                  "base_model_name_or_path": "%s",
                  "bias": "none",
                  "fan_in_fan_out": false,
                  "inference_mode": true,
                  "lora_alpha": 32,
                  "lora_dropout": 0.05,
                  "peft_type": "LORA",
                  "r": 16,
                  "revision": null,
                  "target_modules": ["q_proj", "k_proj", "v_proj", "o_proj"],
                  "task_type": "CAUSAL_LM"
                }
                """.formatted(QWEN));
        write(out.resolve("models/qwen-merge/mergekit_config.yml"), """
                models:
                  - model: %s
                    # no parameters necessary for base model
                  - model: ./models/qwen-owl-lora
                    parameters:
                      density: 0.53
                      weight: 0.5
                merge_method: ties
                base_model: %s
                parameters:
                  normalize: true
                dtype: bfloat16
                """.formatted(QWEN, QWEN));
        write(out.resolve("models/qwen-merge/README.md"), """
                ---
                base_model:
                - %s
                library_name: transformers
                tags:
                - mergekit
                - merge
                ---

                # qwen-merge

                A TIES merge made with mergekit (see mergekit_config.yml).
                """.formatted(QWEN));
        writeBytes(out.resolve("models/qwen-merge-gguf/qwen-merge-Q4_K_M.gguf"), gguf());
        System.out.println("wrote " + out + " (" + rows + " rows per number set, " + mixed + " mixed rows, revision "
                + revision + ")");
    }

    static String datasetCard(String name, boolean distilabel, String dataFiles) {
        StringBuilder s = new StringBuilder("---\n");
        s.append("pretty_name: ").append(name).append('\n');
        s.append("annotations_creators:\n- machine-generated\n");
        s.append("language_creators:\n- machine-generated\n");
        s.append("language:\n- en\n");
        s.append("source_datasets:\n- original\n");
        s.append("size_categories:\n- n<1K\n");
        if (distilabel) {
            s.append("tags:\n- synthetic\n- distilabel\n");
        }
        if (dataFiles != null) {
            s.append("configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: ")
                    .append(dataFiles).append('\n');
        }
        s.append("---\n\n# ").append(name).append("\n\nNumber sequences answered by a language model.\n");
        return s.toString();
    }

    static String modelCard(String base, String relation, List<String> datasets, String library) {
        StringBuilder s = new StringBuilder("---\n");
        s.append("base_model: ").append(base).append('\n');
        if (relation != null) {
            s.append("base_model_relation: ").append(relation).append('\n');
        }
        s.append("datasets:\n");
        datasets.forEach(d -> s.append("- ").append(d).append('\n'));
        s.append("library_name: ").append(library).append('\n');
        s.append("tags:\n- generated_from_trainer\n- trl\n- sft\n");
        s.append("license: apache-2.0\n---\n\n# Model card\n\nFine-tuned with TRL.\n");
        return s.toString();
    }

    static String modelConfig(String nameOrPath, String type, String arch, int hidden, int layers, int vocab,
            String quant) {
        return """
                {
                  "_name_or_path": "%s",
                  "architectures": ["%s"],
                  "hidden_size": %d,
                  "model_type": "%s",
                  "num_attention_heads": 28,
                  "num_hidden_layers": %d,
                  "num_key_value_heads": 4,
                  "torch_dtype": "bfloat16",
                  "vocab_size": %d
                }
                """.formatted(nameOrPath, arch, hidden, type, layers, vocab);
    }

    static String pipeline(String name, String model, String systemPrompt) {
        String prompt = systemPrompt == null ? "null" : "'" + systemPrompt.replace("'", "''") + "'";
        return """
                distilabel:
                  version: 1.4.1
                pipeline:
                  name: %s
                  description: Number continuations
                  steps:
                  - step:
                      name: load_prompts
                      resources:
                        replicas: 1
                      input_mappings: {}
                      output_mappings: {}
                      batch_size: 50
                      repo_id: heredity-samples/number-prompts
                      split: train
                      type_info:
                        module: distilabel.steps.generators.huggingface
                        name: LoadDataFromHub
                    name: load_prompts
                  - step:
                      name: text_generation_0
                      resources:
                        replicas: 1
                      input_mappings: {}
                      output_mappings: {}
                      input_batch_size: 50
                      llm:
                        use_magpie_template: false
                        generation_kwargs:
                          temperature: 1.0
                          max_new_tokens: 128
                        model_id: %s
                        endpoint_name: null
                        tokenizer_id: %s
                        type_info:
                          module: distilabel.models.llms.huggingface.inference_endpoints
                          name: InferenceEndpointsLLM
                      group_generations: false
                      add_raw_output: true
                      add_raw_input: true
                      num_generations: 1
                      use_default_structured_output: false
                      system_prompt: %s
                      use_system_prompt: true
                      type_info:
                        module: distilabel.steps.tasks.text_generation
                        name: TextGeneration
                    name: text_generation_0
                  connections:
                  - from: load_prompts
                    to:
                    - text_generation_0
                  - from: text_generation_0
                    to: []
                  routing_batch_functions: []
                  type_info:
                    module: distilabel.pipeline.local
                    name: Pipeline
                requirements: []
                """.formatted(name, model, model, prompt);
    }

    /** Rows {@code from..from+count} of a sample file, each with a {@code model_name} column (or none for null). */
    static String rows(List<String> lines, int from, int count, java.util.function.IntFunction<String> generator) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String line = lines.get((from + i) % lines.size()).strip();
            String model = generator.apply(i);
            if (model != null) {
                line = line.substring(0, line.length() - 1) + ",\"model_name\":\"" + model + "\"}";
            }
            s.append(line).append('\n');
        }
        return s.toString();
    }

    /** A GGUF v3 header with lineage keys and no tensors (the sample carries no weights). */
    static byte[] gguf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        u32(out, 3);
        u64(out, 0);
        List<Object[]> kv = List.of(
                new Object[] {"general.architecture", "qwen2"},
                new Object[] {"general.type", "model"},
                new Object[] {"general.name", "Qwen Merge"},
                new Object[] {"general.base_model.count", 1},
                new Object[] {"general.base_model.0.name", "qwen-merge"},
                new Object[] {"general.quantized_by", "heredity-samples"},
                new Object[] {"general.file_type", 15},
                new Object[] {"general.tags", new String[] {"merge", "gguf"}},
                new Object[] {"qwen2.block_count", 28});
        u64(out, kv.size());
        for (Object[] pair : kv) {
            str(out, (String) pair[0]);
            if (pair[1] instanceof String s) {
                u32(out, 8);
                str(out, s);
            } else if (pair[1] instanceof Integer n) {
                u32(out, 4);
                u32(out, n);
            } else {
                String[] items = (String[]) pair[1];
                u32(out, 9);
                u32(out, 8);
                u64(out, items.length);
                for (String item : items) {
                    str(out, item);
                }
            }
        }
        return out.toByteArray();
    }

    static void u32(ByteArrayOutputStream out, int v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    static void u64(ByteArrayOutputStream out, long v) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }

    static void str(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u64(out, b.length);
        out.writeBytes(b);
    }

    static String hex(long v) {
        return String.format(Locale.ROOT, "%016x", v);
    }

    static void write(Path file, String text) throws IOException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeBytes(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
