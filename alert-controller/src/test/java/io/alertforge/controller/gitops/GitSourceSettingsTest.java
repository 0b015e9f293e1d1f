package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GitSourceSettingsTest {
  static GitSourceSettings of(String url, String branch, String path) {
    return GitSourceSettings.of(URI.create(url), branch, path, Path.of("cache"), "ns");
  }

  @Test
  void refusesWhatItCannotDoSafely() {
    assertThatThrownBy(() -> of("ssh://git@example.com/a.git", "main", ""))
        .hasMessageContaining("SSH is not supported yet");
    assertThatThrownBy(() -> of("https://user:secret@example.com/a.git", "main", ""))
        .hasMessageContaining("must not carry a password")
        .hasMessageNotContaining("secret@");
    assertThatThrownBy(() -> of("https://example.com/a.git", "refs/heads/main", ""))
        .hasMessageContaining("a branch name");
    assertThatThrownBy(() -> of("https://example.com/a.git", "main", "alerts/../.."))
        .hasMessageContaining("inside the repository");
  }

  @Test
  void defaultsAndNormalisesThePath() {
    GitSourceSettings s = of("https://example.com/a.git", "main", "/alerts/");
    assertThat(s.path()).isEqualTo("alerts");
    assertThat(s.maxPruneRatio()).isEqualTo(0.5);
    assertThat(s.interval()).hasMinutes(1);
    assertThat(s.statusName()).isEqualTo("alertforge-git-status");
  }
}
