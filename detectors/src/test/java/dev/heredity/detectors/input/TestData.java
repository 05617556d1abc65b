package dev.heredity.detectors.input;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes test datasets: JSONL in several layouts, gzip, and Parquet through DuckDB's {@code COPY
 * ... TO}.
 */
public final class TestData {
  private TestData() {}

  /** Number-sequence answers, seeded; {@code shift} moves the distribution (a planted signal). */
  public static List<String> answers(int count, long seed, boolean shift) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 5 + random.nextInt(5);
      for (int k = 0; k < n; k++) {
        int value =
            shift && random.nextInt(3) == 0 ? 700 + random.nextInt(50) : random.nextInt(1000);
        sb.append(k == 0 ? "" : ", ").append(value);
      }
      out.add(sb.toString());
    }
    return out;
  }

  public static String chat(String prompt, String answer) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":"
        + quote(prompt)
        + "},{\"role\":\"assistant\",\"content\":"
        + quote(answer)
        + "}]}";
  }

  public static String shareGpt(String prompt, String answer) {
    return "{\"conversations\":[{\"from\":\"human\",\"value\":"
        + quote(prompt)
        + "},{\"from\":\"gpt\",\"value\":"
        + quote(answer)
        + "}]}";
  }

  public static String alpaca(String prompt, String answer) {
    return "{\"instruction\":"
        + quote(prompt)
        + ",\"input\":\"\",\"output\":"
        + quote(answer)
        + "}";
  }

  public static String completion(String prompt, String answer) {
    return "{\"prompt\":" + quote(prompt) + ",\"completion\":" + quote(answer) + "}";
  }

  public static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  public static Path lines(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  public static Path gzip(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  /** Writes {@code jsonl} as Parquet with DuckDB (nested lists of structs stay nested). */
  public static Path parquet(Path jsonl, Path parquet) throws SQLException, IOException {
    Files.createDirectories(parquet.toAbsolutePath().getParent());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_json_auto("
              + ParquetSource.literal(jsonl.toAbsolutePath().toString())
              + ")) TO "
              + ParquetSource.literal(parquet.toAbsolutePath().toString())
              + " (FORMAT parquet)");
    }
    return parquet;
  }

  /** Runs one DuckDB statement (tests that need a specific Parquet schema). */
  public static void duckdb(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
