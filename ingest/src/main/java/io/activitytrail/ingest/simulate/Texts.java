package io.activitytrail.ingest.simulate;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plausible helpdesk text from small word lists; every value is a pure function of the random
 * source.
 */
final class Texts {
  static final List<String> WORKSPACE_IDS =
      List.of("acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell");
  static final int MAX_WORKSPACES = WORKSPACE_IDS.size();

  private static final List<String> FIRST_NAMES =
      List.of(
          "Ada", "Ben", "Chloe", "Dana", "Eli", "Farah", "Gus", "Hana", "Ivan", "June", "Kofi",
          "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Victor",
          "Wen", "Yusuf");
  private static final List<String> LAST_NAMES =
      List.of(
          "O'Brien",
          "Okafor",
          "Lindqvist",
          "Moreau",
          "Tanaka",
          "Novak",
          "Haddad",
          "Silva",
          "Kowalski",
          "Fischer",
          "Mensah",
          "Park",
          "Rossi",
          "Ivanova",
          "Nguyen",
          "Schmidt");
  private static final List<String> COMPANIES =
      List.of(
          "Northwind Traders",
          "Contoso Ltd",
          "Fabrikam",
          "Blue Yonder Airlines",
          "Litware Inc",
          "Adventure Works",
          "Tailspin Toys",
          "Wingtip Toys",
          "Proseware",
          "Lucerne Publishing");
  private static final List<String> PROBLEMS =
      List.of(
          "Cannot log in to",
          "Error 500 on",
          "Slow response from",
          "Missing invoice in",
          "Password reset for",
          "Refund request for",
          "Feature question about",
          "Sync fails in",
          "Wrong totals in",
          "Access denied to");
  private static final List<String> OBJECTS =
      List.of(
          "the billing portal",
          "the mobile app",
          "the reporting dashboard",
          "order #%d",
          "the API",
          "the SSO integration",
          "my account",
          "the shared mailbox",
          "the VPN client",
          "the March invoice");
  private static final List<String> SENTENCES =
      List.of(
          "Since this morning nothing loads past the spinner.",
          "I already tried clearing the cache and signing in again.",
          "This is blocking our month-end close.",
          "Could you check whether something changed on your side?",
          "The error code shown is E-%d.",
          "Three people in my team see the same thing.",
          "Screenshots are attached.",
          "It worked fine until yesterday's update.");
  private static final List<String> REPLIES =
      List.of(
          "Thanks for reaching out. I am looking into this now.",
          "We have identified the cause and a fix is being rolled out.",
          "Could you send us the exact time the error happened?",
          "I have reset the configuration on our side; please try again.",
          "This is a known issue; our engineers expect a fix within 24 hours.",
          "I have escalated this to our second-line team.");
  private static final List<String> NOTES =
      List.of(
          "Customer is on the enterprise plan: handle with priority.",
          "Reproduced on staging, see the linked bug.",
          "Looks like a duplicate of an earlier ticket.",
          "Waiting for engineering before replying.",
          "Called the customer, they confirmed the workaround.");
  static final List<String> TAGS =
      List.of(
          "billing", "login", "bug", "vip", "refund", "mobile", "api", "sso", "outage", "how-to");
  private static final List<String> FILES =
      List.of(
          "screenshot.png",
          "error-log.txt",
          "invoice.pdf",
          "export.csv",
          "config.json",
          "recording.mp4",
          "contract.pdf");
  private static final List<String> ASSET_MODELS =
      List.of(
          "ThinkPad T14",
          "MacBook Pro 14",
          "Dell U2723QE monitor",
          "iPhone 15",
          "Yubikey 5C",
          "Jabra Evolve2 headset",
          "Surface Pro 9");
  static final List<String> USER_AGENTS =
      List.of(
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15",
          "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
          "HelpdeskMobile/4.2.1 (iOS 17.5)");
  private static final String BCRYPT_ALPHABET =
      "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private Texts() {}

  static <T> T oneOf(RandomGenerator random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  static String personName(RandomGenerator random) {
    return oneOf(random, FIRST_NAMES) + " " + oneOf(random, LAST_NAMES);
  }

  static String email(String name, String domain) {
    return name.toLowerCase().replace("'", "").replace(' ', '.') + "@" + domain;
  }

  static String company(RandomGenerator random) {
    return oneOf(random, COMPANIES);
  }

  static String phone(RandomGenerator random) {
    return String.format("+1-555-%04d", random.nextInt(10_000));
  }

  static String subject(RandomGenerator random) {
    String object = oneOf(random, OBJECTS);
    return oneOf(random, PROBLEMS)
        + " "
        + (object.contains("%d") ? object.formatted(10_000 + random.nextInt(90_000)) : object);
  }

  static String customerMessage(RandomGenerator random, String signature) {
    String first = oneOf(random, SENTENCES);
    String second = oneOf(random, SENTENCES);
    return "Hello,\n\n"
        + (first.contains("%d") ? first.formatted(random.nextInt(1000)) : first)
        + " "
        + (second.contains("%d") ? second.formatted(random.nextInt(1000)) : second)
        + "\n\nBest regards,\n"
        + signature;
  }

  static String agentReply(RandomGenerator random, String customerName, String agentName) {
    return "Hi "
        + customerName.split(" ")[0]
        + ",\n\n"
        + oneOf(random, REPLIES)
        + "\n\n"
        + agentName;
  }

  static String note(RandomGenerator random) {
    return oneOf(random, NOTES);
  }

  static String fileName(RandomGenerator random) {
    return oneOf(random, FILES);
  }

  static String contentType(String fileName) {
    String ext = fileName.substring(fileName.lastIndexOf('.') + 1);
    return switch (ext) {
      case "png" -> "image/png";
      case "txt" -> "text/plain";
      case "pdf" -> "application/pdf";
      case "csv" -> "text/csv";
      case "json" -> "application/json";
      case "mp4" -> "video/mp4";
      default -> "application/octet-stream";
    };
  }

  static String assetName(RandomGenerator random) {
    return oneOf(random, ASSET_MODELS);
  }

  /** Shaped like a bcrypt hash (cost 12); the simulated users never log in with a password. */
  static String passwordHash(RandomGenerator random) {
    StringBuilder hash = new StringBuilder("$2b$12$");
    for (int i = 0; i < 53; i++) {
      hash.append(BCRYPT_ALPHABET.charAt(random.nextInt(BCRYPT_ALPHABET.length())));
    }
    return hash.toString();
  }

  /** Addresses from the documentation ranges (RFC 5737), stable per user. */
  static String ipFor(long userId) {
    return (userId % 2 == 0 ? "203.0.113." : "198.51.100.") + (1 + userId % 254);
  }
}
