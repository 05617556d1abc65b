package dev.heredity.detectors.profile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.LeakReport.BlocklistLeak;
import dev.heredity.detectors.LeakReport.LeakHit;
import dev.heredity.detectors.LeakReport.TraitLeak;
import dev.heredity.detectors.leak.Blocklist;
import java.util.List;

/**
 * The leak scan over every record: per trait the records that mention it and the first hits by
 * record number; the blocklist count and first hits ({@code null} values when the blocklist was not
 * scanned).
 */
@JsonPropertyOrder({"traits", "blocklistRecords", "blocklistHits"})
public record CorpusLeaks(
    List<TraitLeak> traits, Long blocklistRecords, List<LeakHit> blocklistHits) {

  public CorpusLeaks {
    traits = List.copyOf(traits);
    blocklistHits = blocklistHits == null ? null : List.copyOf(blocklistHits);
  }

  /** The same value the local leak scan reports for {@code records} suspect records. */
  public LeakReport toLeakReport(long records, Double referenceRate) {
    BlocklistLeak blocklist =
        blocklistRecords == null
            ? null
            : new BlocklistLeak(
                Blocklist.NUMBERS.size(),
                blocklistRecords,
                records == 0 ? 0 : (double) blocklistRecords / records,
                referenceRate,
                blocklistHits);
    return new LeakReport(traits, blocklist);
  }
}
