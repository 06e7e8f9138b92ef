package org.mineralsupplygraph.importer;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a data set that stopped start-up into a short report naming the file, the lines and what to do. */
class ImportFailureAnalyzer extends AbstractFailureAnalyzer<ImportException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ImportException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct " + cause.document() + " at the places listed (docs/import-format.md describes the format),"
                        + " or leave it out of supplygraph.data.sets. The graph was left as it was.",
                cause);
    }
}
