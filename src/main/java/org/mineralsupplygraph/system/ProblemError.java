package org.mineralsupplygraph.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One of several things wrong with a request, in a problem document's {@code errors} list: what is wrong
 * ({@code detail}) and where, as far as the place is known: a parameter or field and its value, or a file, line and
 * JSON pointer of an imported document. One shape for every problem that lists errors (its schema: ApiDocumentation).
 *
 * @param detail what is wrong, in words a user can act on
 * @param parameter the parameter or body field at fault
 * @param value the value given
 * @param file the imported file (a CSV form's nodes.csv or relationships.csv, or the JSON document)
 * @param line the line in that file, from 1
 * @param pointer the JSON pointer of the field in the record at fault
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(
        String detail,
        @Nullable String parameter,
        @Nullable String value,
        @Nullable String file,
        @Nullable Integer line,
        @Nullable String pointer) {

    /** An error in a parameter or body field. */
    public static ProblemError ofParameter(String parameter, @Nullable String value, String detail) {
        return new ProblemError(detail, parameter, value, null, null, null);
    }

    /** An error at a place in an imported document. */
    public static ProblemError inDocument(String file, int line, String pointer, String detail) {
        return new ProblemError(detail, null, null, file, line > 0 ? line : null, pointer.isEmpty() ? null : pointer);
    }
}
