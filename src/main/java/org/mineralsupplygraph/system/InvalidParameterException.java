package org.mineralsupplygraph.system;

/** A request parameter that is malformed or out of range (400). */
public class InvalidParameterException extends ParameterException {

    public InvalidParameterException(String parameter, String value, String message) {
        super(parameter, value, message);
    }
}
