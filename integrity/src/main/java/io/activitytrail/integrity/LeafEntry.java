package io.activitytrail.integrity;

import java.time.Instant;

/**
 * One event as a checkpoint recorded it: its sequence number, id and leaf hash, and when the
 * retention policy lets it expire (null: never). A checkpoint is stored with the entries of the
 * events it added; their leaves must give its signed root, so they are as trustworthy as the
 * signature, and they let the verifier name the very event that changed or went missing.
 */
public record LeafEntry(long seq, String eventId, byte[] leaf, Instant expiresAt) {

  public LeafEntry {
    leaf = leaf.clone();
  }
}
