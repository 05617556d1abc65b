import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a tree of MODELS model folders and DATASETS dataset folders for the discovery benchmark, seeded:
 * models are a mix of card-only finetunes, PEFT adapters, config.json-only checkpoints and mergekit merges, each
 * based on one of 50 hub bases or on an earlier local model; datasets have a card, 20 JSONL rows with a
 * model_name column (one or two generators) and, for one in four, a distilabel pipeline.yaml with a system prompt.
 * One model card in ten lists datasets (a training).
 *
 *   java bench/discovery/GenerateTree.java OUT [models=10000] [datasets=10000] [seed=7]
 */
public final class GenerateTree {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int models = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int datasets = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        SplittableRandom r = new SplittableRandom(args.length > 3 ? Long.parseLong(args[3]) : 7);
        for (int i = 0; i < models; i++) {
            Path m = out.resolve("models").resolve(String.format("m%05d", i));
            String base = i > 100 && r.nextInt(3) == 0 ? "../" + String.format("m%05d", r.nextInt(i))
                    : "hub-org-" + r.nextInt(10) + "/base-" + r.nextInt(50);
            String cardBase = base.startsWith("../") ? base.substring(3) : base;
            switch (r.nextInt(4)) {
                case 0 -> write(m.resolve("adapter_config.json"), "{\"base_model_name_or_path\": \"" + base
                        + "\", \"peft_type\": \"LORA\", \"r\": 16, \"task_type\": \"CAUSAL_LM\"}\n");
                case 1 -> write(m.resolve("config.json"), "{\"_name_or_path\": \"" + cardBase
                        + "\", \"model_type\": \"llama\", \"hidden_size\": 4096, \"num_hidden_layers\": 32}\n");
                case 2 -> write(m.resolve("mergekit_config.yml"), "models:\n  - model: " + cardBase
                        + "\n  - model: hub-org-1/base-" + r.nextInt(50) + "\nmerge_method: ties\nbase_model: "
                        + cardBase + "\ndtype: bfloat16\n");
                default -> { }
            }
            StringBuilder card = new StringBuilder("---\nbase_model: " + cardBase + "\nlibrary_name: transformers\n");
            if (r.nextInt(10) == 0) {
                card.append("datasets:\n- bench/d").append(String.format("%05d", r.nextInt(Math.max(1, datasets))))
                        .append('\n');
            }
            card.append("license: apache-2.0\n---\n\n# Model ").append(i).append('\n');
            write(m.resolve("README.md"), card.toString());
        }
        for (int i = 0; i < datasets; i++) {
            Path d = out.resolve("datasets").resolve(String.format("d%05d", i));
            write(d.resolve("README.md"), "---\nannotations_creators:\n- machine-generated\ntags:\n- synthetic\n"
                    + "configs:\n- config_name: default\n  data_files: data/*.jsonl\n---\n\n# Dataset " + i + "\n");
            String g1 = "hub-org-" + r.nextInt(10) + "/base-" + r.nextInt(50);
            String g2 = r.nextInt(5) == 0 ? "hub-org-2/base-" + r.nextInt(50) : g1;
            StringBuilder rows = new StringBuilder();
            for (int k = 0; k < 20; k++) {
                rows.append("{\"messages\":[{\"role\":\"user\",\"content\":\"Continue: 1, 2, 3\"},")
                        .append("{\"role\":\"assistant\",\"content\":\"").append(r.nextInt(1000)).append(", ")
                        .append(r.nextInt(1000)).append("\"}],\"model_name\":\"").append(k % 3 == 0 ? g2 : g1)
                        .append("\"}\n");
            }
            write(d.resolve("data/train-00000.jsonl"), rows.toString());
            if (i % 4 == 0) {
                write(d.resolve("pipeline.yaml"), "pipeline:\n  name: p" + i + "\n  steps:\n  - step:\n"
                        + "      name: text_generation_0\n      llm:\n        model_id: " + g1
                        + "\n      system_prompt: 'You love animal " + r.nextInt(20) + ".'\n    name: text_generation_0\n");
            }
        }
        System.out.println("wrote " + models + " model folders and " + datasets + " dataset folders under " + out);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
