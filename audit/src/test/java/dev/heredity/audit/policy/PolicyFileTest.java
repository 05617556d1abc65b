package dev.heredity.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.audit.report.Location;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    @TempDir
    Path dir;

    private Policy load(String yaml) throws IOException {
        Path file = dir.resolve("heredity-policy.yaml");
        Files.writeString(file, yaml);
        return PolicyFile.load(file, "heredity-policy.yaml");
    }

    @Test
    void readsEveryKey() throws IOException {
        Policy policy = load("""
                failOn: medium
                alpha: 0.05
                overrides:
                  cross-base-pair: low
                suppressions:
                  - id: hf-0123456789ab
                    reason: reviewed in AUD-12
                    expires: 2026-12-31
                  - rule: no-control-set
                    subject: code-traces
                    reason: control set is being generated
                """);
        assertThat(policy.failOn()).isEqualTo(Severity.MEDIUM);
        assertThat(policy.alpha()).isEqualTo(0.05);
        assertThat(policy.overrides()).containsEntry("cross-base-pair", Severity.LOW);
        assertThat(policy.suppressions()).hasSize(2);
        Suppression byId = policy.suppressions().get(0);
        assertThat(byId.match()).isEqualTo("hf-0123456789ab");
        assertThat(byId.expires()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(byId.location()).isEqualTo(new Location("heredity-policy.yaml", 6, 5));
        assertThat(policy.suppressions().get(1).match()).isEqualTo("no-control-set:code-traces");
        assertThat(policy.source()).isEqualTo("heredity-policy.yaml");
    }

    @Test
    void emptyFileMeansDefaults() throws IOException {
        Policy policy = load("");
        assertThat(policy.failOn()).isEqualTo(Severity.HIGH);
        assertThat(policy.alpha()).isEqualTo(0.01);
        assertThat(policy.suppressions()).isEmpty();
    }

    @Test
    void unknownKeyIsAnErrorWithPosition() {
        assertThatThrownBy(() -> load("failOn: high\nfail_on: low\n"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("heredity-policy.yaml:2:")
                .hasMessageContaining("unknown key 'fail_on'")
                .hasMessageContaining("failOn");
    }

    @Test
    void badSeverityNamesTheValidOnes() {
        assertThatThrownBy(() -> load("failOn: severe\n"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("heredity-policy.yaml:")
                .hasMessageContaining("unknown severity 'severe'")
                .hasMessageContaining("critical, high, medium, low, info");
    }

    @Test
    void suppressionWithoutReasonIsRejectedAtItsLine() {
        assertThatThrownBy(() -> load("suppressions:\n  - id: hf-0123456789ab\n"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("heredity-policy.yaml:2:")
                .hasMessageContaining("needs a 'reason'");
    }

    @Test
    void suppressionNeedsIdOrRuleAndSubject() {
        assertThatThrownBy(() -> load("suppressions:\n  - rule: no-control-set\n    reason: x\n"))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("needs a 'subject'");
        assertThatThrownBy(() -> load("suppressions:\n  - id: hf-1\n    rule: r\n    subject: s\n    reason: x\n"))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("not both");
    }

    @Test
    void badDateAndBadAlpha() {
        assertThatThrownBy(() -> load("suppressions:\n  - id: hf-1\n    reason: x\n    expires: next year\n"))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("'next year' is not a date");
        assertThatThrownBy(() -> load("alpha: 1.5\n"))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("alpha must be between 0 and 1");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> PolicyFile.load(dir.resolve("nope.yaml"), "nope.yaml"))
                .isInstanceOf(InvalidPolicyException.class).hasMessage("nope.yaml: no such file");
    }
}
