package org.egovmonitor.alerts;

/** A message that did not arrive; the Chinese message is what the delivery log shows as the last error. */
public class DeliveryFailedException extends Exception {

    public DeliveryFailedException(String message) {
        super(message);
    }

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
