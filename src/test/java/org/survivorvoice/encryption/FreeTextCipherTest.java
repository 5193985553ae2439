package org.survivorvoice.encryption;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-256-GCM of one stored value: round trip, integrity, binding to its place, keys by id. */
class FreeTextCipherTest {

    static final String KEY_A = "JX5TpquQ5KeUjhX5mgSjabi5Q1FbODe++IGAOtVstt4=";
    static final String KEY_B = "i0/svC7Am0/hSMHPPd9bM5ooZur47OgZwgqTlzlhqyw=";
    private static final Place PLACE = new Place("comments", "response-1/police-comment", "text");

    static FreeTextCipher cipher(String current, Map<String, String> keys) {
        return new FreeTextCipher(Keyring.of(new EncryptionProperties(current, keys, false)));
    }

    private final FreeTextCipher cipher = cipher("a", Map.of("a", KEY_A));

    @Test
    void aValueComesBackAsItWentInWhateverItsType() {
        String text = "The officer believed me — straight away. Ніхто не слухав. 😊";
        List<String> items = List.of("I just wanted someone to believe me.", "Court was worse than the night itself.");
        List<Document> findings = List.of(new Document("theme", "giving-evidence").append("finding", "Cross-examination felt like a trial."));

        assertThat(cipher.open(cipher.seal(text, PLACE), PLACE)).isEqualTo(text);
        assertThat(cipher.open(cipher.seal(items, PLACE), PLACE)).isEqualTo(items);
        assertThat(cipher.open(cipher.seal(findings, PLACE), PLACE)).isEqualTo(findings);
    }

    @Test
    void theStoredFormHoldsTheKeyIdAndNeitherTheTextNorTheKey() {
        String text = "Marker-5d1c: nobody called me back";
        Document sealed = cipher.seal(text, PLACE);

        assertThat(sealed.keySet()).containsExactly("k", "iv", "c");
        assertThat(sealed.getString("k")).isEqualTo("a");
        assertThat(((Binary) sealed.get("iv")).getData()).hasSize(12);
        // ciphertext of the BSON {v: text} plus the 16-byte tag
        assertThat(((Binary) sealed.get("c")).getData().length).isGreaterThan(text.length() + 16);
        String stored = sealed.toJson() + new String(((Binary) sealed.get("c")).getData(), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("Marker-5d1c").doesNotContain("nobody").doesNotContain(KEY_A);
        assertThat(FreeTextCipher.isSealed(sealed)).isTrue();
    }

    @Test
    void aChangedByteAnywhereIsDetected() {
        Document sealed = cipher.seal("She was told to come back another day.", PLACE);
        byte[] ciphertext = ((Binary) sealed.get("c")).getData();
        for (int i : new int[] {0, ciphertext.length / 2, ciphertext.length - 1}) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            Document altered = new Document(sealed).append("c", new Binary(tampered));
            assertThatThrownBy(() -> cipher.open(altered, PLACE))
                    .isInstanceOf(UnreadableFreeTextException.class)
                    .hasMessageContaining("comments response-1/police-comment field text")
                    .hasMessageContaining("altered, moved from another place");
        }
        byte[] iv = ((Binary) sealed.get("iv")).getData().clone();
        iv[0] ^= 0x01;
        assertThatThrownBy(() -> cipher.open(new Document(sealed).append("iv", new Binary(iv)), PLACE))
                .isInstanceOf(UnreadableFreeTextException.class);
    }

    @Test
    void aValueMovedToAnotherPlaceDoesNotDecrypt() {
        Document sealed = cipher.seal("The GP listened to me.", PLACE);
        for (Place elsewhere : List.of(
                new Place("comments", "response-2/police-comment", "text"),
                new Place("comments", "response-1/police-comment", "machine.sentimentEvidence"),
                new Place("quotes", "response-1/police-comment", "text"),
                // the same characters split differently between the parts
                new Place("comments", "response-1/police-commen", "ttext"))) {
            assertThatThrownBy(() -> cipher.open(sealed, elsewhere)).as(elsewhere.toString())
                    .isInstanceOf(UnreadableFreeTextException.class)
                    .hasMessageContaining(elsewhere.toString());
        }
        assertThat(cipher.open(sealed, new Place("comments", "response-1/police-comment", "text"))).isEqualTo("The GP listened to me.");
    }

    @Test
    void aKeyThatIsNotConfiguredIsNamedInAReadableError() {
        Document sealed = cipher.seal("Housing left us in one room.", PLACE);
        FreeTextCipher withoutA = cipher("b", Map.of("b", KEY_B));

        assertThatThrownBy(() -> withoutA.open(sealed, PLACE))
                .isInstanceOf(UnreadableFreeTextException.class)
                .hasMessage("The value at comments response-1/police-comment field text is encrypted with key 'a', which is not "
                        + "configured: add sv.encryption.keys.a (the key it was encrypted with)")
                .extracting(e -> ((UnreadableFreeTextException) e).keyId()).isEqualTo("a");
    }

    @Test
    void aValueRelabelledWithAnotherConfiguredKeyIdDoesNotDecrypt() {
        FreeTextCipher both = cipher("a", Map.of("a", KEY_A, "b", KEY_B));
        Document sealed = both.seal("Text", PLACE);
        assertThatThrownBy(() -> both.open(new Document(sealed).append("k", "b"), PLACE))
                .isInstanceOf(UnreadableFreeTextException.class).hasMessageContaining("key 'b'");
    }

    @Test
    void valuesEncryptedWithAnOlderKeyAreStillReadAfterTheCurrentKeyChanges() {
        Document old = cipher.seal("Written in 2024", PLACE);
        FreeTextCipher rotated = cipher("b", Map.of("a", KEY_A, "b", KEY_B));

        assertThat(rotated.open(old, PLACE)).isEqualTo("Written in 2024");
        Document renewed = rotated.seal(rotated.open(old, PLACE), PLACE);
        assertThat(renewed.getString("k")).isEqualTo("b");
        assertThat(rotated.open(renewed, PLACE)).isEqualTo("Written in 2024");
    }

    @Test
    void everyValueGetsItsOwnRandomIv() {
        Set<String> ivs = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            Document sealed = cipher.seal("the same text", PLACE);
            ivs.add(Base64.getEncoder().encodeToString(((Binary) sealed.get("iv")).getData()));
            ciphertexts.add(Base64.getEncoder().encodeToString(((Binary) sealed.get("c")).getData()));
        }
        assertThat(ivs).hasSize(n);
        assertThat(ciphertexts).hasSize(n);
    }

    @Test
    void onlyAKeyIdIvAndCiphertextCountAsEncrypted() {
        Document sealed = cipher.seal("x", PLACE);
        assertThat(FreeTextCipher.isSealed("plain text")).isFalse();
        assertThat(FreeTextCipher.isSealed(List.of("a", "b"))).isFalse();
        assertThat(FreeTextCipher.isSealed(new Document("theme", "t").append("finding", "f"))).isFalse();
        assertThat(FreeTextCipher.isSealed(new Document(sealed).append("extra", 1))).isFalse();
        assertThat(FreeTextCipher.isSealed(new Document(sealed).append("iv", new Binary(new byte[8])))).isFalse();
        // as the driver may hand binary fields back
        assertThat(FreeTextCipher.isSealed(new Document("k", "a").append("iv", ((Binary) sealed.get("iv")).getData())
                .append("c", ((Binary) sealed.get("c")).getData()))).isTrue();
    }

    @Test
    void withoutAKeyNothingCanBeEncrypted() {
        FreeTextCipher none = new FreeTextCipher(Keyring.none());
        assertThatThrownBy(() -> none.seal("text", PLACE)).isInstanceOf(IllegalStateException.class);
        assertThat(Arrays.asList(none.keyring().encrypts(), none.keyring().currentId())).containsExactly(false, null);
    }
}
