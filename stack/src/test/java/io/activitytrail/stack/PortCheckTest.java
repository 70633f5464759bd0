package io.activitytrail.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  @DisplayName("a port held by a listening socket is reported in use, and free once closed")
  void heldPort() throws Exception {
    int port;
    try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = held.getLocalPort();
      assertThat(PortCheck.isFree(port)).isFalse();
    }
    assertThat(PortCheck.isFree(port)).isTrue();
  }
}
