package dev.heredity.detectors.features;

import dev.heredity.detectors.Modality;
import java.util.BitSet;

/** Appends records (suspect first, then {@link #endSuspect()}, then reference) and interns their features. */
public final class CorpusBuilder {
    private final Modality modality;
    private final Vocabulary tokens = new Vocabulary();
    private final Vocabulary formats = new Vocabulary();
    private final Vocabulary prompts = new Vocabulary();
    private final IntArray tokenStart = new IntArray();
    private final IntArray tokenIds = new IntArray();
    private final IntArray formatStart = new IntArray();
    private final IntArray formatIds = new IntArray();
    private final IntArray promptStart = new IntArray();
    private final IntArray promptIds = new IntArray();
    private final IntArray lines = new IntArray();
    private final BitSet conforming = new BitSet();
    private int suspectCount = -1;

    public CorpusBuilder(Modality modality) {
        this.modality = modality;
        tokenStart.add(0);
        formatStart.add(0);
        promptStart.add(0);
    }

    public void add(int line, RecordFeatures features) {
        for (String token : features.tokens()) {
            tokenIds.add(tokens.intern(token));
        }
        for (String format : features.formatClasses()) {
            formatIds.add(formats.intern(format));
        }
        if (features.promptClasses() != null) {
            for (String prompt : features.promptClasses()) {
                promptIds.add(prompts.intern(prompt));
            }
        }
        conforming.set(lines.size(), features.conforming());
        lines.add(line);
        tokenStart.add(tokenIds.size());
        formatStart.add(formatIds.size());
        promptStart.add(promptIds.size());
    }

    /** Records added so far. */
    public int size() {
        return lines.size();
    }

    public void endSuspect() {
        suspectCount = lines.size();
    }

    public Corpus build() {
        int suspect = suspectCount < 0 ? lines.size() : suspectCount;
        return new Corpus(modality, suspect, lines.size() - suspect, tokens, tokenStart.toArray(), tokenIds.toArray(),
                formats, formatStart.toArray(), formatIds.toArray(), prompts, promptStart.toArray(),
                promptIds.toArray(), lines.toArray(), conforming);
    }
}
