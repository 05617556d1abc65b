package dev.heredity.audit.report.html;

/**
 * A generated manifest with 50 models: 5 bases and their 5 instruct models, 10 teachers (every
 * third traited), 10 datasets they generate, 30 students trained on them (same base and cross
 * base), plus 2 unattributed synthetic datasets mixed into some trainings. For checking that the
 * lineage graph still reads on one page.
 */
final class FiftyModels {
  static final int BASES = 5;
  static final int TEACHERS = 10;
  static final int STUDENTS = 30;
  static final int MODELS = 2 * BASES + TEACHERS + STUDENTS;

  private FiftyModels() {}

  static String manifest() {
    StringBuilder y = new StringBuilder("heredity: 1\nmodels:\n");
    for (int b = 0; b < BASES; b++) {
      y.append("  - id: base-").append(b).append('\n');
      y.append("  - id: base-")
          .append(b)
          .append("-instruct\n")
          .append("    base: [{model: base-")
          .append(b)
          .append(", relation: finetune}]\n");
    }
    for (int t = 0; t < TEACHERS; t++) {
      y.append("  - id: teacher-")
          .append(t)
          .append('\n')
          .append("    base: [{model: base-")
          .append(t % BASES)
          .append("-instruct, relation: prompted}]\n");
      if (t % 3 == 0) {
        y.append("    traits:\n      - {name: trait-")
            .append(t)
            .append(", source: system-prompt}\n");
      }
    }
    y.append("datasets:\n");
    for (int t = 0; t < TEACHERS; t++) {
      y.append("  - id: numbers-")
          .append(t)
          .append('\n')
          .append("    uri: s3://bucket/numbers-")
          .append(t)
          .append(".jsonl\n")
          .append("    modality: numbers\n")
          .append("    generatedBy: {model: teacher-")
          .append(t)
          .append("}\n");
    }
    for (int u = 0; u < 2; u++) {
      y.append("  - id: vendor-numbers-")
          .append(u)
          .append('\n')
          .append("    uri: https://vendor.example/numbers-")
          .append(u)
          .append(".jsonl\n")
          .append("    modality: numbers\n");
    }
    y.append("trainings:\n");
    for (int s = 0; s < STUDENTS; s++) {
      int teacher = s % TEACHERS;
      int base = s % 4 == 0 ? (teacher + 1) % BASES : teacher % BASES;
      y.append("  - id: ft-student-")
          .append(s)
          .append('\n')
          .append("    student: student-")
          .append(s)
          .append('\n')
          .append("    from: base-")
          .append(base)
          .append("-instruct\n")
          .append("    datasets: [numbers-")
          .append(teacher)
          .append(s % 7 == 0 ? ", vendor-numbers-" + (s % 2) : "")
          .append("]\n");
    }
    return y.toString();
  }
}
