package io.activitytrail.stack.mail;

/**
 * One header line as the server stored it: unfolded onto one line (each fold one space), encoded
 * words (RFC 2047) left as sent. The decoded subject and addresses are on {@link DeliveredMail}
 * itself.
 */
public record MailHeader(String name, String value) {}
