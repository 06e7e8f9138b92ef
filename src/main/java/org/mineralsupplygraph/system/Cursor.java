package org.mineralsupplygraph.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code cursor} of a paged answer: where the next page starts, tied to the question it belongs to, so that a
 * cursor passed with another question is refused rather than silently applied. Opaque to clients.
 */
public final class Cursor {

    private static final Pattern FORM = Pattern.compile("p1:(\\d{1,9}):([0-9a-f]{8})");

    private Cursor() {}

    /** The cursor of the page that starts at {@code offset} of the answer to {@code question}. */
    public static String of(int offset, String question) {
        String text = "p1:" + offset + ":" + fingerprint(question);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** One page of a list: the entries from {@code offset}, at most {@code limit} of them. */
    public static <T> List<T> page(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    /** The cursor of the page after the one at {@code offset}, or null when the answer has no more than it shows. */
    public static String next(int offset, int limit, int total, String question) {
        return offset + limit < total ? of(offset + limit, question) : null;
    }

    /**
     * The offset a cursor names; 0 without one.
     *
     * @param question the question's parameters, as the cursor was made with them
     * @param parameters the names of those parameters, for the message when the cursor belongs to another question
     */
    public static int offset(String cursor, String question, String parameters) {
        if (cursor == null) {
            return 0;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid(
                    cursor,
                    "Parameter 'cursor' is not a cursor this API gave out; pass the 'next' value of the"
                            + " previous answer, or leave it out for the first page.");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw invalid(
                    cursor,
                    "Parameter 'cursor' is not a cursor this API gave out; pass the 'next' value of the"
                            + " previous answer, or leave it out for the first page.");
        }
        if (!m.group(2).equals(fingerprint(question))) {
            throw invalid(
                    cursor,
                    "Parameter 'cursor' belongs to another question; ask with the same " + parameters
                            + " as the answer that gave it.");
        }
        return Integer.parseInt(m.group(1));
    }

    private static InvalidParameterException invalid(String cursor, String message) {
        return new InvalidParameterException(
                "cursor", cursor.length() > 100 ? cursor.substring(0, 100) : cursor, message);
    }

    private static String fingerprint(String question) {
        return String.format("%08x", question.hashCode());
    }
}
