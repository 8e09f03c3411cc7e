package org.egovmonitor.cli;

/** A command ended without doing its job for a reason the user can fix; printed as one line, exit status 1. */
public class CommandFailedException extends RuntimeException {

    public CommandFailedException(String message) {
        super(message);
    }
}
