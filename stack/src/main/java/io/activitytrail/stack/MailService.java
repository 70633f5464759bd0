package io.activitytrail.stack;

import io.activitytrail.stack.mail.HostPort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GreenMail standalone: a real SMTP and IMAP server (and GreenMail's HTTP API, which lists the
 * mailboxes) from the jar laid out in infra/runtime/mail. Authentication is disabled: the server
 * accepts mail for any address, creating its mailbox on delivery with the address as both user name
 * and password, so a reader opens any mailbox with the address alone. Mail is kept in memory:
 * {@code trail down} empties every mailbox.
 */
final class MailService implements ManagedService {

  /**
   * Measured on 2 cores: C1 only and the serial collector start the server in ~1.5 s at ~90 MiB RSS
   * instead of ~3-4 s at ~140 MiB; a mail server for tests and demos never needs C2's code.
   */
  private static final List<String> SMALL_JVM =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  private static final int GREETING_TIMEOUT_MS = 2000;

  private final StackConfig config;

  MailService(StackConfig config) {
    this.config = config;
  }

  @Override
  public ServiceId id() {
    return ServiceId.MAIL;
  }

  @Override
  public Map<Integer, String> ports() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    ports.put(config.ports().smtp(), "smtp");
    ports.put(config.ports().imap(), "imap");
    ports.put(config.ports().mailApi(), "mail api");
    return ports;
  }

  @Override
  public void prepare(Deadline deadline) {
    if (!Files.isRegularFile(config.mailJar())) {
      throw new StackException(
          "mail", "the mail server " + config.mailJar() + " is missing: run scripts/setup");
    }
  }

  @Override
  public List<String> command() {
    List<String> arguments = new java.util.ArrayList<>(SMALL_JVM);
    arguments.addAll(
        List.of(
            "-Dgreenmail.smtp.hostname=" + config.smtp().host(),
            "-Dgreenmail.smtp.port=" + config.smtp().port(),
            "-Dgreenmail.imap.hostname=" + config.imap().host(),
            "-Dgreenmail.imap.port=" + config.imap().port(),
            "-Dgreenmail.api.hostname=" + StackConfig.LOOPBACK,
            "-Dgreenmail.api.port=" + config.ports().mailApi(),
            // Any login works and unknown mailboxes are created: the address is the login.
            "-Dgreenmail.auth.disabled",
            "-jar",
            config.mailJar().toString()));
    return JvmCommand.of(config, id(), JavaRuntimes.current(), "64m", arguments);
  }

  /** GreenMail's own readiness, then the greetings that clients wait for on both protocols. */
  @Override
  public boolean isReady() throws Exception {
    return Http.get(config.mailApiUrl() + "/api/service/readiness").ok()
        && greeting(config.smtp(), "QUIT").startsWith("220 ")
        && greeting(config.imap(), "a1 LOGOUT").startsWith("* OK");
  }

  /**
   * The first line a server sends on connect; the farewell ends the session cleanly (a dropped
   * connection is logged as an error by the server).
   */
  static String greeting(HostPort server, String farewell) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.host(), server.port()), GREETING_TIMEOUT_MS);
      socket.setSoTimeout(GREETING_TIMEOUT_MS);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String line = in.readLine();
      socket.getOutputStream().write((farewell + "\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      in.readLine();
      return line == null ? "" : line;
    }
  }
}
