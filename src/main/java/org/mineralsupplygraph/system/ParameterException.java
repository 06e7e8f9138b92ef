package org.mineralsupplygraph.system;

/** A request that cannot be answered because of one parameter: which one, and what it said. */
public abstract class ParameterException extends RuntimeException {

    private final String parameter;
    private final String value;

    protected ParameterException(String parameter, String value, String message) {
        super(message);
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }
}
