package org.mineralsupplygraph.system;

/** A request parameter that is malformed or out of range (400). */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String value;

    public InvalidParameterException(String parameter, String value, String message) {
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
