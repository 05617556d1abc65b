package dev.heredity.lineage.manifest;

import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects manifest errors so one run reports all of a stage's problems, first in file order. */
public final class Problems {
    private record Problem(SourceLocation location, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();

    public void add(SourceLocation location, String message) {
        problems.add(new Problem(location, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws an {@link InvalidManifestException} listing every problem, in file order, if there are any. */
    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<String> lines = problems.stream()
                .sorted(Comparator.comparing(Problem::location).thenComparing(Problem::message))
                .map(p -> p.location().format(p.message()))
                .distinct()
                .toList();
        throw new InvalidManifestException(lines);
    }
}
