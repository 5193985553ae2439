package org.survivorvoice.encryption;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.survivorvoice.SurvivorVoiceApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survivorvoice.encryption.FreeTextCipherTest.KEY_A;
import static org.survivorvoice.encryption.FreeTextCipherTest.KEY_B;

/** What the service says at start-up about encryption: one line either way, and a readable refusal of a bad key. */
@ExtendWith(OutputCaptureExtension.class)
class EncryptionStartupTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(EncryptionConfiguration.class);

    @Test
    void withoutAKeyOneWarningSaysFreeTextIsStoredUnencryptedAndHowToConfigureAKey(CapturedOutput output) {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(Keyring.class).encrypts()).isFalse();
        });
        assertThat(output.getOut().lines().filter(line -> line.contains("EncryptionConfiguration"))).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN")
                        .contains("Free text (comments, interview and focus group notes, drafts, quotes) is stored UNENCRYPTED")
                        .contains("SV_ENCRYPTION_KEY_ID").contains("openssl rand -base64 32"));
    }

    @Test
    void withAKeyOneLineNamesTheKeyIdAndNeverTheKey(CapturedOutput output) {
        context.withPropertyValues("sv.encryption.key-id=k2025", "sv.encryption.keys.k2025=" + KEY_B, "sv.encryption.keys.k2024=" + KEY_A)
                .run(started -> assertThat(started.getBean(Keyring.class).currentId()).isEqualTo("k2025"));
        assertThat(output.getOut().lines().filter(line -> line.contains("EncryptionConfiguration"))).singleElement()
                .satisfies(line -> assertThat(line).contains("INFO")
                        .endsWith("Free text is encrypted at rest (AES-256-GCM) with key 'k2025'; values encrypted with k2024 can still be read"));
        assertThat(output.getOut()).doesNotContain(KEY_A).doesNotContain(KEY_B).doesNotContain("UNENCRYPTED");
    }

    @Test
    void environmentVariablesAreEnough() {
        Map<String, Object> environment = Map.of("SV_ENCRYPTION_KEY_ID", "K2025", "SV_ENCRYPTION_KEYS_K2025", KEY_A,
                "SV_ENCRYPTION_KEYS_K2024", KEY_B);
        context.withInitializer(started -> started.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .run(started -> {
                    Keyring keyring = started.getBean(Keyring.class);
                    assertThat(keyring.currentId()).isEqualTo("k2025");
                    assertThat(keyring.ids()).containsExactly("k2024", "k2025");
                });
    }

    @Test
    void aBadKeyStopsTheServiceWithOneMessageAndNoStackTrace(CapturedOutput output, @TempDir Path dataDir) {
        String shortKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        assertThatThrownBy(() -> new SpringApplicationBuilder(SurvivorVoiceApplication.class).run(
                        "--server.port=0",
                        "--sv.storage.engine=in-process",
                        "--sv.storage.data-dir=" + dataDir,
                        "--sv.analysis.enabled=false",
                        "--sv.encryption.key-id=k1",
                        "--sv.encryption.keys.k1=" + shortKey))
                .hasRootCauseInstanceOf(EncryptionConfigurationException.class);

        String expected = "sv.encryption.keys.k1 is 16 bytes long; an AES-256 key is 32 bytes (44 base64 characters)";
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START").contains(expected)
                .contains("Make a key with: openssl rand -base64 32");
        assertThat(output.getOut().lines().filter(line -> line.contains(expected))).hasSize(1);
        assertThat(output.getOut()).doesNotContain("\tat org.survivorvoice").doesNotContain(shortKey);
    }

    @Test
    void aMissingCurrentKeyStopsTheService(CapturedOutput output, @TempDir Path dataDir) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SurvivorVoiceApplication.class).run(
                        "--server.port=0",
                        "--sv.storage.engine=in-process",
                        "--sv.storage.data-dir=" + dataDir,
                        "--sv.analysis.enabled=false",
                        "--sv.encryption.key-id=k2",
                        "--sv.encryption.keys.k1=" + KEY_A))
                .hasRootCauseInstanceOf(EncryptionConfigurationException.class);
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("sv.encryption.key-id is 'k2', but there is no key sv.encryption.keys.k2 (SV_ENCRYPTION_KEYS_K2); "
                        + "the keys configured are k1")
                .doesNotContain(KEY_A);
    }
}
