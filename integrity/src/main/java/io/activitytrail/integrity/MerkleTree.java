package io.activitytrail.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 (Certificate Transparency), section 2.1: leaf = SHA-256(0x00 ‖
 * bytes), node = SHA-256(0x01 ‖ left ‖ right); a tree of n leaves splits at the largest power of
 * two below n. The distinct prefixes keep a leaf from passing for a node. Written here rather than
 * taken from a library: it is forty lines over the JDK's SHA-256, and the published test vectors
 * check it ({@code MerkleTreeTest}). Pure.
 */
public final class MerkleTree {
  public static final int HASH_BYTES = 32;

  private static final byte LEAF = 0x00;
  private static final byte NODE = 0x01;

  private MerkleTree() {}

  public static byte[] leafHash(byte[] data) {
    MessageDigest sha = sha256();
    sha.update(LEAF);
    sha.update(data);
    return sha.digest();
  }

  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update(NODE);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  /** MTH(D[0:n]) of the leaves' hashes; the empty tree's root is SHA-256 of nothing. */
  public static byte[] root(List<byte[]> leafHashes) {
    if (leafHashes.isEmpty()) {
      return sha256().digest();
    }
    return root(leafHashes, 0, leafHashes.size());
  }

  private static byte[] root(List<byte[]> leaves, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return leaves.get(from);
    }
    int k = largestPowerOfTwoBelow(n);
    return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
  }

  /**
   * The audit path of leaf {@code index} in the tree of {@code leafHashes} (RFC 6962 PATH): the
   * sibling hashes from the leaf up, which with the leaf give the root.
   */
  public static List<byte[]> inclusionProof(int index, List<byte[]> leafHashes) {
    if (index < 0 || index >= leafHashes.size()) {
      throw new IllegalArgumentException(
          "leaf " + index + " is not in a tree of " + leafHashes.size());
    }
    List<byte[]> path = new ArrayList<>();
    path(index, leafHashes, 0, leafHashes.size(), path);
    return path;
  }

  private static void path(int index, List<byte[]> leaves, int from, int to, List<byte[]> out) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = largestPowerOfTwoBelow(n);
    if (index < k) {
      path(index, leaves, from, from + k, out);
      out.add(root(leaves, from + k, to));
    } else {
      path(index - k, leaves, from + k, to, out);
      out.add(root(leaves, from, from + k));
    }
  }

  /**
   * Whether {@code proof} shows the leaf at {@code index} in a tree of {@code size} with {@code
   * root} (RFC 9162, 2.1.3.2).
   */
  public static boolean verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /** The largest power of two strictly below {@code n} (n ≥ 2). */
  static int largestPowerOfTwoBelow(int n) {
    return Integer.highestOneBit(n - 1);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
