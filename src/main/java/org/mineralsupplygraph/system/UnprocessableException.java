package org.mineralsupplygraph.system;

/**
 * A well-formed request that cannot be answered (422): a scenario naming something the graph does not hold, an
 * ownership network too large to compute, or stakes that form a cycle owning all of itself. Names the parameter or
 * body field that led there.
 */
public class UnprocessableException extends ParameterException {

    public UnprocessableException(String parameter, String value, String message) {
        super(parameter, value, message);
    }
}
