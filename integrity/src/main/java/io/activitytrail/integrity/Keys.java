package io.activitytrail.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;

/**
 * Ed25519 keys and signatures, from the JDK (java.security, since Java 15): the checkpoints' signer
 * and the verifier's key ring. Keys travel as their standard encodings (PKCS#8 private, X.509
 * public), base64 in files.
 */
public final class Keys {
  private static final String ALGORITHM = "Ed25519";

  private Keys() {}

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  /** A short, stable name of a public key: the first 16 hex digits of SHA-256 of its encoding. */
  public static String keyId(PublicKey key) {
    return HexFormat.of().formatHex(MerkleTree.sha256().digest(key.getEncoded())).substring(0, 16);
  }

  public static PrivateKey privateKey(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 private key (PKCS#8): " + e.getMessage());
    }
  }

  public static PublicKey publicKey(byte[] x509) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key (X.509): " + e.getMessage());
    }
  }

  /** The checkpoint, signed: its key id must be the key's. */
  public static Checkpoint sign(Checkpoint unsigned, PrivateKey key) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key);
      s.update(unsigned.payload());
      return unsigned.withSignature(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a checkpoint", e);
    }
  }

  /** The outcome of checking a checkpoint's signature against the known keys. */
  public enum SignatureCheck {
    VALID,
    UNKNOWN_KEY,
    INVALID
  }

  public static SignatureCheck check(Checkpoint checkpoint, Map<String, PublicKey> keyRing) {
    PublicKey key = keyRing.get(checkpoint.keyId());
    if (key == null) {
      return SignatureCheck.UNKNOWN_KEY;
    }
    if (checkpoint.signature() == null) {
      return SignatureCheck.INVALID;
    }
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(checkpoint.payload());
      return s.verify(checkpoint.signature()) ? SignatureCheck.VALID : SignatureCheck.INVALID;
    } catch (GeneralSecurityException e) {
      return SignatureCheck.INVALID;
    }
  }
}
