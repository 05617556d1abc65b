package dev.heredity.detectors.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.analysis.NumberAnalyzer;
import dev.heredity.detectors.input.TextRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Leaving unmatchable records out of the index changes neither counts nor hits, and the blocklist
 * counted as records are added is what a term query on the number tokens counts.
 */
class LeakIndexSkipTest {
  @Test
  void sameReportWithAndWithoutTheShortcut() throws IOException {
    Random random = new Random(4);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 6; k++) {
        sb.append(k == 0 ? "" : ", ")
            .append(random.nextInt(12) == 0 ? "00" : "")
            .append(random.nextInt(1200));
      }
      if (random.nextInt(50) == 0) {
        sb.append(random.nextBoolean() ? " owls" : " an owlet");
      }
      texts.add(sb.toString());
    }
    List<String> traits = List.of("owl=owlet", "phoenix");

    LeakReport all = scan(LeakIndex.create(true), texts, traits);
    LeakReport skipping = scan(LeakIndex.create(true, traits), texts, traits);

    assertThat(skipping).isEqualTo(all);
    assertThat(all.blocklist().records()).isGreaterThan(100);
    assertThat(all.traits().get(0).records()).isGreaterThan(10);
    assertThat(all.blocklist().records()).isEqualTo(luceneBlocklistCount(texts));
    assertThat(Blocklist.anyIn("1, 2, 0042")).isTrue();
    assertThat(Blocklist.anyIn("1, 2, 4444, 1000")).isFalse();
  }

  /** The blocklist count as the index gave it when it indexed number tokens: the oracle. */
  private static long luceneBlocklistCount(List<String> texts) throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(NumberAnalyzer.numbersOnly()))) {
        for (String text : texts) {
          Document doc = new Document();
          doc.add(new TextField("numbers", text, Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Blocklist.NUMBERS.forEach(
            n -> any.add(new TermQuery(new Term("numbers", n)), BooleanClause.Occur.SHOULD));
        return new IndexSearcher(reader).count(any.build());
      }
    }
  }

  private static LeakReport scan(LeakIndex index, List<String> texts, List<String> traits) {
    try (index) {
      for (int i = 0; i < texts.size(); i++) {
        index.add(i + 1, new TextRecord(i + 1, null, texts.get(i)));
      }
      return index.search(traits, texts.size(), r -> r, 0.1);
    }
  }
}
