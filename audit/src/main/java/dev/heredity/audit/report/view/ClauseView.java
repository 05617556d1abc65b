package dev.heredity.audit.report.view;

import dev.heredity.audit.report.ComplianceClause;

/** A compliance clause with the number of findings that help evidence it. */
public record ClauseView(ComplianceClause clause, long findings) {}
