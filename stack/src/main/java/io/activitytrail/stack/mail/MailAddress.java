package io.activitytrail.stack.mail;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One address of a From, To or Cc header, its display name decoded (null when it has none). */
public record MailAddress(String name, String address) {

  static List<MailAddress> of(Address[] addresses) {
    if (addresses == null) {
      return List.of();
    }
    return java.util.Arrays.stream(addresses).map(MailAddress::of).toList();
  }

  static MailAddress of(Address address) {
    if (address instanceof InternetAddress internet) {
      return new MailAddress(internet.getPersonal(), internet.getAddress());
    }
    return new MailAddress(null, address.toString());
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("address", address);
    return json;
  }

  /** {@code Ada Lovelace <ada@acme.test>}, or the bare address. */
  @Override
  public String toString() {
    return name == null || name.isBlank() ? address : name + " <" + address + ">";
  }
}
