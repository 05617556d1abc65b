package dev.heredity.detectors.leak;

import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.LeakReport.BlocklistLeak;
import dev.heredity.detectors.LeakReport.LeakHit;
import dev.heredity.detectors.LeakReport.TraitLeak;
import dev.heredity.detectors.input.TextRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * A Lucene index of the suspect records on disk (a temporary folder, so heap does not grow with the
 * data), searched for explicit trait references (English stemming handles plurals; synonyms;
 * phrases; fuzzy matching for words of five letters or more); the number blocklist is an exact
 * match on digit runs, so it is counted as records are added ({@link BlocklistHits}) rather than
 * indexed. Records are added from reader threads; hits are ordered by record number, so the report
 * does not depend on indexing order.
 */
public final class LeakIndex implements Consumer<TextRecord>, AutoCloseable {
  public static final int HITS_SHOWN = 5;
  private static final int SNIPPET = 100;
  private static final int FUZZY_MIN_LENGTH = 5;
  private static final String TEXT = "text";
  private static final String LINE = "line";
  private static final String RECORD = "record";

  private final Path folder;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final Analyzer words = new EnglishAnalyzer();
  private final BlocklistHits blocklisted;
  private final TextFilter indexed;

  /** Which records go into the trait index. */
  private enum TextFilter {
    ALL,
    /** Records with a letter: every trait has one, so no other record can match. */
    LETTERED,
    /** None: there are no traits to search for. */
    NONE
  }

  private LeakIndex(boolean numbers, TextFilter indexed) {
    this.blocklisted = numbers ? new BlocklistHits(HITS_SHOWN) : null;
    this.indexed = indexed;
    try {
      folder = Files.createTempDirectory("heredity-leaks");
      directory = FSDirectory.open(folder);
      writer = new IndexWriter(directory, new IndexWriterConfig(words).setRAMBufferSizeMB(32));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the leak index: " + e.getMessage(), e);
    }
  }

  /**
   * An index of every record, for traits given only at search time.
   *
   * @param numbers also count the records holding a blocklisted number
   */
  public static LeakIndex create(boolean numbers) {
    return new LeakIndex(numbers, TextFilter.ALL);
  }

  /**
   * An index that leaves out records no trait query can match: all of them without traits, else
   * those without a letter when every trait has a letter. Counts and hits are the same as with
   * {@link #create(boolean)}; number data is then not indexed at all.
   *
   * @param traits the leak-scan traits that {@link #search} will be given
   */
  public static LeakIndex create(boolean numbers, List<String> traits) {
    boolean lettered = traits.stream().allMatch(t -> t.chars().anyMatch(Character::isLetter));
    return new LeakIndex(
        numbers,
        traits.isEmpty() ? TextFilter.NONE : lettered ? TextFilter.LETTERED : TextFilter.ALL);
  }

  private boolean indexes(String text) {
    return switch (indexed) {
      case ALL -> true;
      case NONE -> false;
      case LETTERED -> hasLetter(text);
    };
  }

  private static boolean hasLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Adds a record whose record number is its line (one file). */
  @Override
  public void accept(TextRecord record) {
    add(record.line(), record);
  }

  /**
   * Adds a record with its 1-based record number in the dataset (across all of its files); hits are
   * ordered by it and report it, with the record's line in its own file. Thread-safe.
   */
  public void add(long recordNumber, TextRecord record) {
    String text = record.text() == null ? "" : record.text();
    if (blocklisted != null && Blocklist.anyToken(text)) {
      blocklisted.add(recordNumber, record.line(), text);
    }
    if (!indexes(text)) {
      return;
    }
    Document doc = new Document();
    doc.add(new TextField(TEXT, text, Field.Store.YES));
    doc.add(new NumericDocValuesField(RECORD, recordNumber));
    doc.add(new StoredField(RECORD, recordNumber));
    doc.add(new StoredField(LINE, record.line()));
    try {
      writer.addDocument(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("leak index: " + e.getMessage(), e);
    }
  }

  /**
   * Searches the index. {@code recordOfLine} maps a stored record number (or line) to the reported
   * one; {@code referenceRate} is the blocklist rate in the reference set (null without one).
   */
  public LeakReport search(
      List<String> traits,
      int suspectRecords,
      IntUnaryOperator recordOfLine,
      Double referenceRate) {
    try {
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<TraitLeak> traitLeaks = new ArrayList<>();
        for (String spec : traits) {
          TraitTerms trait = TraitTerms.parse(spec);
          Query query = traitQuery(trait);
          traitLeaks.add(
              new TraitLeak(
                  trait.trait(),
                  trait.terms(),
                  query == null ? 0 : searcher.count(query),
                  query == null ? List.of() : hits(searcher, query, recordOfLine, trait.terms())));
        }
        BlocklistLeak blocklist = null;
        if (blocklisted != null) {
          long count = blocklisted.records();
          List<LeakHit> hits = new ArrayList<>();
          for (BlocklistHits.Hit hit : blocklisted.first()) {
            hits.add(
                new LeakHit(
                    recordOfLine.applyAsInt((int) Math.min(Integer.MAX_VALUE, hit.record())),
                    hit.line(),
                    snippet(hit.text(), List.of())));
          }
          hits.sort(Comparator.comparingInt(LeakHit::record));
          blocklist =
              new BlocklistLeak(
                  Blocklist.NUMBERS.size(),
                  count,
                  suspectRecords == 0 ? 0 : (double) count / suspectRecords,
                  referenceRate,
                  hits);
        }
        return new LeakReport(traitLeaks, blocklist);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("leak index: " + e.getMessage(), e);
    }
  }

  private Query traitQuery(TraitTerms trait) {
    QueryBuilder builder = new QueryBuilder(words);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (String term : trait.terms()) {
      Query exact =
          term.contains(" ")
              ? builder.createPhraseQuery(TEXT, term)
              : builder.createBooleanQuery(TEXT, term);
      if (exact != null) {
        any.add(exact, BooleanClause.Occur.SHOULD);
        clauses++;
      }
      if (exact instanceof TermQuery single
          && single.getTerm().text().length() >= FUZZY_MIN_LENGTH) {
        any.add(new FuzzyQuery(single.getTerm(), 1), BooleanClause.Occur.SHOULD);
      }
    }
    return clauses == 0 ? null : any.build();
  }

  private static List<LeakHit> hits(
      IndexSearcher searcher, Query query, IntUnaryOperator recordOfLine, List<String> terms)
      throws IOException {
    ScoreDoc[] docs =
        searcher.search(query, HITS_SHOWN, new Sort(new SortField(RECORD, SortField.Type.LONG)))
            .scoreDocs;
    StoredFields stored = searcher.storedFields();
    List<LeakHit> hits = new ArrayList<>();
    for (ScoreDoc doc : docs) {
      Document document = stored.document(doc.doc);
      int line = document.getField(LINE).numericValue().intValue();
      long record = document.getField(RECORD).numericValue().longValue();
      hits.add(
          new LeakHit(
              recordOfLine.applyAsInt((int) Math.min(Integer.MAX_VALUE, record)),
              line,
              snippet(document.get(TEXT), terms)));
    }
    hits.sort(Comparator.comparingInt(LeakHit::record));
    return hits;
  }

  /**
   * Up to 100 characters around the first occurrence of a term (prefix match, so plurals show), one
   * line.
   */
  static String snippet(String text, List<String> terms) {
    String lower = text.toLowerCase(Locale.ROOT);
    int at =
        terms.stream()
            .mapToInt(t -> lower.indexOf(t.length() > 4 ? t.substring(0, t.length() - 1) : t))
            .filter(i -> i >= 0)
            .min()
            .orElse(0);
    int from = Math.max(0, at - SNIPPET / 3);
    int to = Math.min(text.length(), from + SNIPPET);
    String window = text.substring(from, to).replaceAll("\\s+", " ").strip();
    return (from > 0 ? "..." : "") + window + (to < text.length() ? "..." : "");
  }

  @Override
  public void close() {
    try {
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("leak index: " + e.getMessage(), e);
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // best effort: the folder is in the system temp directory
      }
    }
  }
}
