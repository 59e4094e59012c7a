package dev.tracking.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
    void refusesAReadmeWithoutTheMarkers() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReadmeTable.replace("# Title\n", "table"))
                .withMessageContaining(ReadmeTable.START);
    }
}
