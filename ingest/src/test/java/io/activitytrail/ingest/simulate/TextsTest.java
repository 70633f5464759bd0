package io.activitytrail.ingest.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Simulated text")
class TextsTest {
  @Test
  @DisplayName("password hashes look like bcrypt: $2b$, cost 12, 53 characters of its alphabet")
  void bcryptShaped() {
    String hash = Texts.passwordHash(new SplittableRandom(1));
    assertThat(hash).matches("\\$2b\\$12\\$[./A-Za-z0-9]{53}").hasSize(60);
  }

  @Test
  @DisplayName("the same seed yields the same subject and body")
  void deterministic() {
    SplittableRandom a = new SplittableRandom(99);
    SplittableRandom b = new SplittableRandom(99);
    assertThat(Texts.subject(a)).isEqualTo(Texts.subject(b));
    assertThat(Texts.customerMessage(a, "Dana")).isEqualTo(Texts.customerMessage(b, "Dana"));
  }

  @Test
  @DisplayName("emails drop apostrophes and spaces; content types follow the file extension")
  void emailsAndContentTypes() {
    assertThat(Texts.email("Dana O'Brien", "acme.example.com"))
        .isEqualTo("dana.obrien@acme.example.com");
    assertThat(Texts.contentType("invoice.pdf")).isEqualTo("application/pdf");
    assertThat(Texts.contentType("screenshot.png")).isEqualTo("image/png");
  }
}
