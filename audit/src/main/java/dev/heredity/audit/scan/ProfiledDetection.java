package dev.heredity.audit.scan;

import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.FormatReport;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.Note;
import dev.heredity.detectors.evidence.DivergentTokens;
import dev.heredity.detectors.profile.CorpusProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * A detection whose permutation tests ran on a cluster run's uniform samples, completed with that
 * run's corpus-wide statistics: the format profiles, the leak scan and the divergent tokens then
 * speak for every record, and a note says where and when they were computed.
 */
final class ProfiledDetection {
  private ProfiledDetection() {}

  static DetectionReport of(
      DetectionReport onSamples, CorpusProfile suspect, CorpusProfile reference) {
    Modality modality =
        onSamples.modality() != null
            ? Modality.parse(onSamples.modality().modality())
            : Modality.parse(suspect.modality());
    double referenceRate =
        reference.records() == 0
            ? 0
            : (double) reference.blocklistTokenRecords() / reference.records();
    FormatReport format =
        new FormatReport(
            suspect.format().toProfile(modality),
            reference.format().toProfile(modality),
            onSamples.format() == null ? null : onSamples.format().test());
    List<Note> notes = new ArrayList<>(onSamples.notes());
    notes.add(
        Note.of(
            Note.CORPUS_PROFILE,
            "engine",
            suspect.engine(),
            "createdAt",
            suspect.createdAt(),
            "suspectRecords",
            suspect.records(),
            "referenceRecords",
            reference.records(),
            "suspectSample",
            suspect.sample().records(),
            "referenceSample",
            reference.sample().records(),
            "seed",
            suspect.sample().seed()));
    return new DetectionReport(
        onSamples.verdict(),
        onSamples.pValue(),
        onSamples.alpha(),
        onSamples.modality(),
        onSamples.records(),
        onSamples.tests(),
        onSamples.classifier(),
        onSamples.power(),
        DivergentTokens.of(
            suspect.tokens(),
            suspect.records(),
            reference.tokens(),
            reference.records(),
            modality,
            onSamples.alpha()),
        format,
        suspect.leaks().toLeakReport(suspect.records(), referenceRate),
        notes,
        onSamples.input());
  }
}
