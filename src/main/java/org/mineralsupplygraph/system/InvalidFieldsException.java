package org.mineralsupplygraph.system;

import java.util.List;

/**
 * A request body with one or more bad fields: every one of them in the problem's {@code errors}, the first also as its
 * {@code parameter}, {@code value} and {@code detail}.
 */
public class InvalidFieldsException extends InvalidParameterException {

    private final List<ProblemError> errors;

    /** @param errors what is wrong, one entry per field at fault; not empty */
    public InvalidFieldsException(List<ProblemError> errors) {
        super(errors.get(0).parameter(), errors.get(0).value(), detail(errors));
        this.errors = List.copyOf(errors);
    }

    /** A problem's detail for several errors: the first one's, and how many more there are. */
    static String detail(List<ProblemError> errors) {
        return errors.get(0).detail() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    public List<ProblemError> errors() {
        return errors;
    }
}
