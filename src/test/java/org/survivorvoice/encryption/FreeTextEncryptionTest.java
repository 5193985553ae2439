package org.survivorvoice.encryption;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survivorvoice.encryption.FreeTextCipherTest.KEY_A;

/**
 * The persistence boundary on its own: what is encrypted before a write and decrypted after a read,
 * with a key and without one (development), and with old and new values mixed.
 */
class FreeTextEncryptionTest {

    private static final Duration NOW = Duration.ofSeconds(5);

    private static FreeTextEncryption encryption(Keyring keyring) {
        return new FreeTextEncryption(new FreeTextCipher(keyring), new FreeTextFields(null, null));
    }

    private final FreeTextEncryption withKey = encryption(Keyring.of(new EncryptionProperties("a", Map.of("a", KEY_A), false)));
    private final FreeTextEncryption withoutKey = encryption(Keyring.none());

    private static Document comment() {
        return new Document("_id", "r1/police-comment").append("responseId", "r1").append("kind", "comment")
                .append("text", "They did not believe me.")
                .append("machine", new Document("sentiment", "negative").append("confidence", 0.8)
                        .append("sentimentEvidence", List.of("“not … believe”"))
                        .append("themes", List.of(new Document("theme", "being-believed").append("score", 0.9)
                                .append("evidence", List.of("“did not believe me”"))))
                        .append("model", "m1"))
                .append("effective", new Document("sentiment", "negative").append("themes", List.of("being-believed")));
    }

    @Test
    void withAKeyTheTextAndTheEvidenceAreEncryptedAndTheLabelsAreNot() {
        Document stored = withKey.sealAll("comments", comment()).block(NOW);

        assertThat(FreeTextCipher.isSealed(stored.get("text"))).isTrue();
        Document machine = stored.get("machine", Document.class);
        assertThat(FreeTextCipher.isSealed(machine.get("sentimentEvidence"))).isTrue();
        assertThat(FreeTextCipher.isSealed(machine.getList("themes", Document.class).get(0).get("evidence"))).isTrue();
        assertThat(machine.getString("sentiment")).isEqualTo("negative");
        assertThat(machine.getList("themes", Document.class).get(0).getString("theme")).isEqualTo("being-believed");
        assertThat(stored.get("effective")).isEqualTo(comment().get("effective"));
        assertThat(stored.toJson()).doesNotContain("believe me").doesNotContain("not … believe");

        withKey.openAll("comments", stored);
        assertThat(stored).isEqualTo(comment());
    }

    @Test
    void encryptingTwiceDoesNotEncryptTheCiphertext() {
        Document once = withKey.sealAll("comments", comment()).block(NOW);
        Object text = once.get("text");
        Document twice = withKey.sealAll("comments", once).block(NOW);
        assertThat(twice.get("text")).isSameAs(text);
        withKey.openAll("comments", twice);
        assertThat(twice.getString("text")).isEqualTo("They did not believe me.");
    }

    @Test
    void withoutAKeyEverythingIsStoredAsItIs() {
        assertThat(withoutKey.encrypts()).isFalse();
        assertThat(withoutKey.sealAll("comments", comment()).block(NOW)).isEqualTo(comment());
        assertThat(withoutKey.sealForUpdate("quotes", "r1/police-comment", "text", "[She] was not believed."))
                .isEqualTo("[She] was not believed.");
        Document plain = comment();
        withoutKey.openAll("comments", plain);
        assertThat(plain).isEqualTo(comment());
    }

    @Test
    void valuesStoredBeforeTheKeyAndAfterItAreReadTogether() {
        Document mixed = comment();
        Document sealed = withKey.sealAll("comments", comment()).block(NOW);
        mixed.put("text", sealed.get("text")); // the text written after the key, the evidence before

        withKey.openAll("comments", mixed);
        assertThat(mixed).isEqualTo(comment());
    }

    @Test
    void aCommentsTextMovedToAnotherCommentDoesNotDecrypt() {
        Document sealed = withKey.sealAll("comments", comment()).block(NOW);
        Document other = comment().append("_id", "r2/police-comment");
        other.put("text", sealed.get("text"));
        assertThatThrownBy(() -> withKey.openAll("comments", other))
                .isInstanceOf(UnreadableFreeTextException.class)
                .hasMessageContaining("comments r2/police-comment field text");
    }

    @Test
    void anUpdateThatSetsTheAnalysisGetsItsEvidenceEncryptedForThatComment() {
        Document machine = comment().get("machine", Document.class);
        Document sealed = (Document) withKey.sealForUpdate("comments", "r1/police-comment", "machine", machine);

        assertThat(FreeTextCipher.isSealed(sealed.get("sentimentEvidence"))).isTrue();
        assertThat(sealed.getDouble("confidence")).isEqualTo(0.8);
        // stored under the comment, it reads back
        Document stored = comment().append("machine", sealed);
        withKey.openAll("comments", stored);
        assertThat(stored.get("machine")).isEqualTo(comment().get("machine"));
    }

    @Test
    void aQuoteIsBoundToTheCommentItQuotes() {
        Object text = withKey.sealForUpdate("quotes", "r1/police-comment", "text", "[She] was not believed.");
        Document quote = new Document("_id", "7b0c…").append("commentId", "r1/police-comment").append("text", text);
        withKey.openAll("quotes", quote);
        assertThat(quote.getString("text")).isEqualTo("[She] was not believed.");

        Document moved = new Document("_id", "9d1e…").append("commentId", "r2/police-comment").append("text", text);
        assertThatThrownBy(() -> withKey.openAll("quotes", moved)).isInstanceOf(UnreadableFreeTextException.class);
    }

    @Test
    void otherCollectionsAreLeftAlone() {
        Document account = new Document("_id", "admin").append("text", "not free text here");
        assertThat(withKey.sealAll("accounts", account).block(NOW)).isEqualTo(new Document("_id", "admin").append("text", "not free text here"));
        List<String> paths = new ArrayList<>();
        FreeTextEncryption.forEachSealed("accounts", account, (path, value) -> paths.add(path));
        assertThat(paths).isEmpty();
    }
}
