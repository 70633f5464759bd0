package io.activitytrail.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrontierTest {

  @Test
  @DisplayName("appending the vector leaves one by one gives the vector root of every prefix")
  void vectors() {
    Frontier frontier = Frontier.EMPTY;
    assertThat(HexFormat.of().formatHex(frontier.root())).isEqualTo(MerkleTreeTest.ROOTS.get(0));
    for (int n = 1; n <= 8; n++) {
      frontier = frontier.append(MerkleTree.leafHash(MerkleTreeTest.LEAVES.get(n - 1)));
      assertThat(HexFormat.of().formatHex(frontier.root()))
          .as("size %d", n)
          .isEqualTo(MerkleTreeTest.ROOTS.get(n));
    }
  }

  @Test
  @DisplayName(
      "for every size up to 300 the frontier's root is the tree's, with one subtree per set bit")
  void equalsTheWholeTree() {
    Random random = new Random(7);
    List<byte[]> leaves = new ArrayList<>();
    Frontier frontier = Frontier.EMPTY;
    for (int n = 1; n <= 300; n++) {
      byte[] data = new byte[random.nextInt(40)];
      random.nextBytes(data);
      byte[] leaf = MerkleTree.leafHash(data);
      leaves.add(leaf);
      frontier = frontier.append(leaf);
      assertThat(frontier.root()).as("size %d", n).isEqualTo(MerkleTree.root(leaves));
      assertThat(frontier.subtrees()).hasSize(Integer.bitCount(n));
    }
  }
}
