package org.mineralsupplygraph.importer;

/**
 * One thing wrong with a data file.
 *
 * @param location where it is
 * @param message what is wrong, in words a user can act on
 */
public record Problem(Location location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
