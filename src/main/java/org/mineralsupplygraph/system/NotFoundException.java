package org.mineralsupplygraph.system;

/** A request named something the graph does not hold (404), with the parameter that named it. */
public class NotFoundException extends ParameterException {

    /**
     * @param parameter the request parameter (or path variable) that named it
     * @param value what it said
     * @param message what is missing, in a sentence; the parameter is added to it
     */
    public NotFoundException(String parameter, String value, String message) {
        super(
                parameter,
                value,
                (message.endsWith(".") ? message.substring(0, message.length() - 1) : message) + " (parameter '"
                        + parameter + "').");
    }
}
