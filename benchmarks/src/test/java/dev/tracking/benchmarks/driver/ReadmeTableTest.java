package dev.tracking.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTableTest {

    @Test
    void replacesOnlyWhatIsBetweenTheMarkers() {
        String readme = "# Title\n\n## Performance\n\n" + ReadmeTable.START + "\nold table\n" + ReadmeTable.END
                + "\n\nReading the table: …\n";

        String updated = ReadmeTable.replace(readme, "Latest results — …\n\n| metric |\n");

        assertThat(updated).isEqualTo("# Title\n\n## Performance\n\n" + ReadmeTable.START
                + "\nLatest results — …\n\n| metric |\n" + ReadmeTable.END + "\n\nReading the table: …\n");
    }

    @Test
    void theHeadingSaysWhenWhereAndHowQuietTheMachineWas() {
        Settings quick = Settings.quickSuite(Path.of("benchmarks"));

        assertThat(ReadmeTable.heading(quick, "2026-12-03", 2, "OpenJDK 17", 0.9, 1.1)).startsWith(
                "Latest results — quick suite, 2026-12-03, 2 cores, OpenJDK 17; load average 0.9 before and 1.1 "
                        + "after (a quiet machine).").contains("Quick suite: delivery 1,000,000 events");
        assertThat(ReadmeTable.heading(quick, "2026-12-03", 2, "OpenJDK 17", 0.9, 6.5))
                .contains("(a busy machine: wall-clock numbers are disturbed)");
    }

    @Test
    void refusesAReadmeWithoutTheMarkers() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReadmeTable.replace("# Title\n", "table"))
                .withMessageContaining(ReadmeTable.START);
    }
}
