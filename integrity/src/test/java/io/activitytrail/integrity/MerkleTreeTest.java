package io.activitytrail.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of Certificate Transparency's reference implementation (google/certificate-
 * transparency, merkle_tree_test; the same in Trillian's testonly/constants.go): eight leaves, the
 * root of every prefix, and audit paths.
 */
class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();

  static final List<byte[]> LEAVES =
      List.of(
          HEX.parseHex(""),
          HEX.parseHex("00"),
          HEX.parseHex("10"),
          HEX.parseHex("2021"),
          HEX.parseHex("3031"),
          HEX.parseHex("40414243"),
          HEX.parseHex("5051525354555657"),
          HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

  static final List<String> ROOTS =
      List.of(
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  static List<byte[]> leafHashes(int n) {
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hashes.add(MerkleTree.leafHash(LEAVES.get(i)));
    }
    return hashes;
  }

  private static List<byte[]> hashes(String... hex) {
    List<byte[]> out = new ArrayList<>();
    for (String h : hex) {
      out.add(HEX.parseHex(h));
    }
    return out;
  }

  @Test
  @DisplayName("the root of every prefix of the eight vector leaves, the empty tree's included")
  void rootsMatchTheVectors() {
    for (int n = 0; n <= 8; n++) {
      assertThat(HEX.formatHex(MerkleTree.root(leafHashes(n))))
          .as("size %d", n)
          .isEqualTo(ROOTS.get(n));
    }
  }

  @Test
  @DisplayName("audit paths match the vectors and verify; a path for another leaf or root does not")
  void inclusionProofs() {
    List<byte[]> eight = leafHashes(8);
    byte[] root = HEX.parseHex(ROOTS.get(8));
    List<byte[]> path0 =
        hashes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    List<byte[]> path5 =
        hashes(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");

    assertThat(MerkleTree.inclusionProof(0, eight))
        .usingElementComparator(HexCompare.INSTANCE)
        .containsExactlyElementsOf(path0);
    assertThat(MerkleTree.inclusionProof(5, eight))
        .usingElementComparator(HexCompare.INSTANCE)
        .containsExactlyElementsOf(path5);
    assertThat(MerkleTree.inclusionProof(0, leafHashes(1))).isEmpty();
    assertThat(MerkleTree.verifyInclusion(0, 8, eight.get(0), path0, root)).isTrue();
    assertThat(MerkleTree.verifyInclusion(5, 8, eight.get(5), path5, root)).isTrue();
    assertThat(MerkleTree.verifyInclusion(5, 8, eight.get(4), path5, root)).isFalse();
    assertThat(MerkleTree.verifyInclusion(4, 8, eight.get(5), path5, root)).isFalse();
    assertThat(MerkleTree.verifyInclusion(5, 8, eight.get(5), path5, HEX.parseHex(ROOTS.get(7))))
        .isFalse();
  }

  @Test
  @DisplayName("every leaf of every tree up to 40 leaves proves its inclusion")
  void everyProofVerifies() {
    List<byte[]> leaves = new ArrayList<>();
    for (int n = 1; n <= 40; n++) {
      leaves.add(MerkleTree.leafHash(new byte[] {(byte) n, (byte) (n * 7)}));
      byte[] root = MerkleTree.root(leaves);
      for (int i = 0; i < n; i++) {
        List<byte[]> proof = MerkleTree.inclusionProof(i, leaves);
        assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), proof, root))
            .as("leaf %d of %d", i, n)
            .isTrue();
      }
    }
  }

  /** Byte arrays compared by content. */
  enum HexCompare implements java.util.Comparator<byte[]> {
    INSTANCE;

    @Override
    public int compare(byte[] a, byte[] b) {
      return java.util.Arrays.compare(a, b);
    }
  }
}
