package org.mineralsupplygraph.system;

/** A query that could not be answered now: it ran out of time, or the database is unreachable (503). */
public class QueryUnavailableException extends RuntimeException {

    public QueryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
