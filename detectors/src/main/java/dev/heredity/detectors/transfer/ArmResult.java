package dev.heredity.detectors.transfer;

/** Result of one arm (teacher, reference, same-init, ...). */
public record ArmResult(Accuracy accuracy) {
}
