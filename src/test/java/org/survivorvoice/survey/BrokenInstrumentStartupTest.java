package org.survivorvoice.survey;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.survivorvoice.SurvivorVoiceApplication;
import org.survivorvoice.definition.DefinitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An invalid instrument file stops start-up with one message naming the file, the question and the problem. */
@ExtendWith(OutputCaptureExtension.class)
class BrokenInstrumentStartupTest {

    @TempDir
    Path dataDir;

    @Test
    void startUpStopsWithOneMessageAndNoStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SurvivorVoiceApplication.class).run(
                        "--server.port=0",
                        "--sv.storage.engine=in-process",
                        "--sv.storage.data-dir=" + dataDir,
                        "--sv.surveys.location=classpath:broken/surveys/"))
                .hasRootCauseInstanceOf(DefinitionException.class);

        String expected = "surveys/broken.yaml: section 'police', question 'police-rating': unknown type 'scale7' "
                + "(expected one of scale5, single, multi, yes-no, text, date, number, themes, text-list)";
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START").contains(expected)
                .contains("Correct surveys/broken.yaml");
        assertThat(output.getOut().lines().filter(line -> line.contains(expected))).hasSize(1);
        assertThat(output.getOut()).doesNotContain("\tat org.survivorvoice");
    }
}
