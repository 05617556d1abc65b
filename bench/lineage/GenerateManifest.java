import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a large, valid lineage manifest (JSON) for the benchmark. Everything refers only to
 * things created before it, so the graph is acyclic by construction; the same seed gives the same
 * bytes.
 *
 * <p>Usage: {@code java GenerateManifest.java OUT.json [models=40000] [datasets=60000] [seed=1]}.
 * Half of the models are students created by trainings (one training each).
 */
public final class GenerateManifest {
    private static final String[] RELATIONS = {"finetune", "prompted", "quantized", "adapter", "continued-pretrain", "distill"};
    private static final String[] OPERATIONS = {"filter", "dedupe", "paraphrase", "subsample", "translate"};
    private static final String[] MODALITIES = {"numbers", "code", "reasoning", "text"};
    private static final int INPUTS_PER_TRAINING = 10;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-lineage.json");
        int modelTarget = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        int datasetTarget = args.length > 2 ? Integer.parseInt(args[2]) : 60_000;
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 1L);

        List<String> models = new ArrayList<>();
        List<String> datasets = new ArrayList<>();
        StringBuilder modelJson = new StringBuilder();
        StringBuilder datasetJson = new StringBuilder();
        StringBuilder trainingJson = new StringBuilder();
        long edges = 0;
        int roots = Math.max(10, modelTarget / 40);
        int students = modelTarget / 2;
        int declared = modelTarget - students;
        int trainings = 0;

        // Interleave: models, datasets and trainings appear in "time" order, each naming only earlier ids.
        int steps = modelTarget + datasetTarget;
        for (int step = 0; step < steps; step++) {
            boolean makeModel = models.size() < modelTarget
                    && (datasets.size() >= datasetTarget || random.nextInt(steps) < modelTarget || models.size() < roots);
            if (makeModel && (models.size() < roots || trainings >= students || datasets.size() < INPUTS_PER_TRAINING
                    || models.size() - trainings < declared && random.nextBoolean())) {
                String id = "m" + models.size();
                comma(modelJson).append("{\"id\":\"").append(id).append('"');
                if (models.size() >= roots) {
                    modelJson.append(",\"base\":[");
                    int parents = random.nextInt(20) == 0 ? 2 : 1;
                    for (int p = 0; p < parents; p++) {
                        String relation = parents == 2 ? "merge" : RELATIONS[random.nextInt(RELATIONS.length)];
                        modelJson.append(p == 0 ? "" : ",").append("{\"model\":\"").append(pick(models, random))
                                .append("\",\"relation\":\"").append(relation).append("\"}");
                        edges++;
                    }
                    modelJson.append(']');
                }
                if (random.nextInt(20) == 0) {
                    modelJson.append(",\"traits\":[{\"name\":\"trait").append(random.nextInt(50))
                            .append("\",\"source\":\"eval\",\"harmful\":").append(random.nextInt(5) == 0).append("}]");
                }
                modelJson.append('}');
                models.add(id);
            } else if (makeModel) {
                String student = "s" + trainings;
                comma(trainingJson).append("{\"id\":\"t").append(trainings).append("\",\"student\":\"").append(student)
                        .append("\",\"from\":\"").append(pick(models, random)).append("\",\"method\":\"sft\",\"datasets\":[");
                List<String> inputs = new ArrayList<>();
                while (inputs.size() < INPUTS_PER_TRAINING) {
                    String input = pick(datasets, random);
                    if (!inputs.contains(input)) {
                        inputs.add(input);
                    }
                }
                for (int i = 0; i < inputs.size(); i++) {
                    trainingJson.append(i == 0 ? "\"" : ",\"").append(inputs.get(i)).append('"');
                }
                trainingJson.append("]}");
                edges += 2 + inputs.size();
                models.add(student);
                trainings++;
            } else {
                String id = "d" + datasets.size();
                comma(datasetJson).append("{\"id\":\"").append(id).append("\",\"uri\":\"s3://bench/").append(id)
                        .append(".jsonl\",\"modality\":\"").append(MODALITIES[random.nextInt(MODALITIES.length)]).append('"');
                boolean derived = datasets.size() > 100 && random.nextInt(3) == 0;
                if (derived) {
                    int sources = 1 + random.nextInt(2);
                    String first = pickRecent(datasets, random);
                    String second = pickRecent(datasets, random);
                    if (second.equals(first)) {
                        sources = 1;
                    }
                    datasetJson.append(",\"derivedFrom\":[");
                    for (int s = 0; s < sources; s++) {
                        datasetJson.append(s == 0 ? "" : ",").append("{\"dataset\":\"").append(s == 0 ? first : second)
                                .append("\",\"operation\":\"").append(sources == 2 ? "mix" : OPERATIONS[random.nextInt(OPERATIONS.length)])
                                .append("\"}");
                        edges++;
                    }
                    datasetJson.append(']');
                } else {
                    datasetJson.append(",\"generatedBy\":{\"model\":\"").append(pick(models, random)).append("\"}");
                    edges++;
                }
                datasetJson.append('}');
                datasets.add(id);
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("{\"heredity\":1,\n\"models\":[\n");
            w.write(modelJson.toString());
            w.write("],\n\"datasets\":[\n");
            w.write(datasetJson.toString());
            w.write("],\n\"trainings\":[\n");
            w.write(trainingJson.toString());
            w.write("]}\n");
        }
        System.out.printf("wrote %s: %d models (%d created by trainings), %d datasets, %d trainings, %d edges%n",
                out, models.size(), trainings, datasets.size(), trainings, edges);
    }

    private static StringBuilder comma(StringBuilder json) {
        if (json.length() > 0) {
            json.append(",\n");
        }
        return json;
    }

    private static String pick(List<String> ids, Random random) {
        return ids.get(random.nextInt(ids.size()));
    }

    /** Derivations mostly build on recent datasets, which makes chains several steps deep. */
    private static String pickRecent(List<String> ids, Random random) {
        int window = Math.min(ids.size(), 2000);
        return ids.get(ids.size() - 1 - random.nextInt(window));
    }
}
