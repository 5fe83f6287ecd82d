package org.dailydl.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.dailydl.server.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AppVersionTest {

  @Test
  void version_flag_prints_the_release_version_of_the_pom_and_no_snapshot() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    int exit = cli.execute("--version");
    assertThat(exit).isZero();
    String pom = System.getProperty("dailydl.pomVersion");
    assertThat(pom).as("surefire passes the POM's version").isNotBlank();
    assertThat(out.toString().strip()).isEqualTo("Daily-DeepLearning " + pom);
    assertThat(AppVersion.get()).isEqualTo(pom).matches("\\d+\\.\\d+\\.\\d+").doesNotContain("SNAPSHOT");
  }
}
