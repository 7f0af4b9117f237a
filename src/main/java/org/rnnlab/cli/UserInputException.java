package org.rnnlab.cli;

/** Input the user can fix (a bad file, a bad value): printed as one line, exit code 2. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
