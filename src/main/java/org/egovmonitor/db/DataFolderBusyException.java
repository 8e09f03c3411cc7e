package org.egovmonitor.db;

import java.io.IOException;

/** The embedded database's data folder is held by another live process; the message is for the user. */
public class DataFolderBusyException extends IOException {

    public DataFolderBusyException(String message) {
        super(message);
    }
}
