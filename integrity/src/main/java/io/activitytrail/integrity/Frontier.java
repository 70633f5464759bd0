package io.activitytrail.integrity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing RFC 6962 tree: the roots of its perfect subtrees, largest first, one
 * per set bit of the size. What the job keeps per workspace instead of every leaf: appending costs
 * at most log2(n) hashes, the root folds the subtrees from the smallest, and the state is at most
 * 64 hashes. Immutable; equal to {@link MerkleTree#root} of all leaves appended ({@code
 * FrontierTest}).
 */
public record Frontier(long size, List<byte[]> subtrees) implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final Frontier EMPTY = new Frontier(0, List.of());

  public Frontier {
    subtrees = List.copyOf(subtrees);
    if (Long.bitCount(size) != subtrees.size()) {
      throw new IllegalArgumentException(
          "a tree of " + size + " leaves has " + Long.bitCount(size) + " perfect subtrees");
    }
  }

  /** This tree with one more leaf. */
  public Frontier append(byte[] leafHash) {
    List<byte[]> next = new ArrayList<>(subtrees);
    byte[] carry = leafHash;
    // Each trailing one bit of the size is a subtree as large as the carry: merge them.
    for (long s = size; (s & 1) == 1; s >>= 1) {
      carry = MerkleTree.nodeHash(next.remove(next.size() - 1), carry);
    }
    next.add(carry);
    return new Frontier(size + 1, next);
  }

  public byte[] root() {
    if (subtrees.isEmpty()) {
      return MerkleTree.root(List.of());
    }
    byte[] root = subtrees.get(subtrees.size() - 1);
    for (int i = subtrees.size() - 2; i >= 0; i--) {
      root = MerkleTree.nodeHash(subtrees.get(i), root);
    }
    return root;
  }
}
