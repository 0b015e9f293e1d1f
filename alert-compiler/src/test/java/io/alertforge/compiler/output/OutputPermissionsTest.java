package io.alertforge.compiler.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diff.CommentHeader;
import io.alertforge.compiler.diff.CommentHeader.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output files and directories get the permissions any file the build creates gets: the defaults
 * narrowed by the process's umask (0644 and 0755 under the usual 022), not the owner-only 0600 and
 * 0700 of temporary files, which CI artifact uploads and other users cannot read.
 */
class OutputPermissionsTest {

  @TempDir Path dir;

  @Test
  void reportsAndRenderedAlertsFollowTheUmask() throws IOException {
    Set<PosixFilePermission> plainFile =
        Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference-file")));
    Set<PosixFilePermission> plainDirectory =
        Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("reference-dir")));
    Path out = dir.resolve("alerts");

    DiagnosticsReport.write(out.resolve(DiagnosticsReport.FILE_NAME), List.of());
    DiffReport.writeUnavailable(
        out,
        "no base",
        new CommentHeader.Context(Revision.workingTree(), null, null, null, Severity.ERROR),
        List.of());
    Path source = dir.resolve("source");
    Files.createDirectories(source);
    Files.writeString(
        source.resolve("a.yaml"),
        """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata: {name: heartbeat, namespace: team-a}
        spec:
          alertType: CLASSIC
          alertName: heartbeat
          condition: ts(heartbeat) < 1
          displayExpression: ts(heartbeat)
          severity: severe
          minutes: 5
          resolveAfterMinutes: 10
          target: ops@example.com
        """);
    new RenderedAlertWriter()
        .write(out.resolve("rendered"), new AlertCompiler().compile(source).alerts());

    for (String file : List.of(DiagnosticsReport.FILE_NAME, DiffReport.MARKDOWN, DiffReport.JSON)) {
      assertThat(Files.getPosixFilePermissions(out.resolve(file))).as(file).isEqualTo(plainFile);
    }
    assertThat(Files.getPosixFilePermissions(out.resolve("rendered/team-a/heartbeat.yaml")))
        .isEqualTo(plainFile);
    assertThat(Files.getPosixFilePermissions(out.resolve("rendered"))).isEqualTo(plainDirectory);
    assertThat(Files.getPosixFilePermissions(out.resolve("rendered/team-a")))
        .isEqualTo(plainDirectory);
    try (var left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              DiagnosticsReport.FILE_NAME, DiffReport.MARKDOWN, DiffReport.JSON, "rendered");
    }
  }
}
