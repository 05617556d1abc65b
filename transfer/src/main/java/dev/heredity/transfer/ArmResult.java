package dev.heredity.transfer;

/** Result of one arm (teacher, reference, same-init, ...). */
public record ArmResult(Accuracy accuracy) {}
