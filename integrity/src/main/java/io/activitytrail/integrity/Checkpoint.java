package io.activitytrail.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A signed statement about one workspace's history: its first {@code treeSize} events (sequence
 * numbers 0 to treeSize - 1) have this RFC 6962 {@code root}, and it follows the checkpoint whose
 * {@link #hash} is {@code previous} (all zeros for the first). Numbers run 1, 2, 3 ... without
 * gaps, so a missing checkpoint shows; each signs its {@link #payload}, a few lines of text a
 * person can read.
 *
 * @param lastOccurredAt commit time of the newest event covered (null for an empty tree)
 * @param keyId which key signed ({@link Keys#keyId})
 * @param signature Ed25519 over {@link #payload}; null before signing
 */
public record Checkpoint(
    String workspaceId,
    long number,
    long treeSize,
    byte[] root,
    byte[] previous,
    Instant lastOccurredAt,
    Instant issuedAt,
    String keyId,
    byte[] signature) {

  public static final byte[] NO_PREVIOUS = new byte[MerkleTree.HASH_BYTES];
  private static final HexFormat HEX = HexFormat.of();

  public Checkpoint {
    if (number < 1 || treeSize < 0) {
      throw new IllegalArgumentException(
          "a checkpoint's number starts at 1 and its size at 0, got " + number + ", " + treeSize);
    }
    root = root.clone();
    previous = previous.clone();
    signature = signature == null ? null : signature.clone();
  }

  /** What is signed. */
  public byte[] payload() {
    String text =
        "activity-trail checkpoint v"
            + CanonicalEvent.VERSION
            + "\nworkspace "
            + workspaceId
            + "\nnumber "
            + number
            + "\nsize "
            + treeSize
            + "\nroot "
            + HEX.formatHex(root)
            + "\nprevious "
            + HEX.formatHex(previous)
            + "\nlast-occurred-at "
            + (lastOccurredAt == null ? "-" : lastOccurredAt.toString())
            + "\nissued-at "
            + issuedAt
            + "\nkey "
            + keyId
            + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The link the next checkpoint names: SHA-256 of the payload and the signature. */
  public byte[] hash() {
    MessageDigest sha = MerkleTree.sha256();
    sha.update(payload());
    sha.update(signature == null ? new byte[0] : signature);
    return sha.digest();
  }

  public Checkpoint withSignature(byte[] signature) {
    return new Checkpoint(
        workspaceId, number, treeSize, root, previous, lastOccurredAt, issuedAt, keyId, signature);
  }

  /** Same statement and signature. */
  public boolean sameAs(Checkpoint other) {
    return Arrays.equals(hash(), other.hash());
  }

  public String rootHex() {
    return HEX.formatHex(root);
  }
}
