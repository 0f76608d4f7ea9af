package vn.tonghop.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a busy embedded database in two lines instead of a stack trace. */
final class EmbeddedDatabaseBusyFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseBusyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseBusyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other tonghop process, or point every process at one PostgreSQL server with SPRING_DATASOURCE_URL.", cause);
    }
}
