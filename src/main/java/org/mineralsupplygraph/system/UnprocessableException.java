package org.mineralsupplygraph.system;

/**
 * A well-formed request whose answer the data do not allow (422): an ownership network too large to compute, or
 * stakes that form a cycle owning all of itself. Names the parameter that led there.
 */
public class UnprocessableException extends ParameterException {

    public UnprocessableException(String parameter, String value, String message) {
        super(parameter, value, message);
    }
}
