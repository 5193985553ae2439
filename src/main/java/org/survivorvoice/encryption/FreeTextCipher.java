package org.survivorvoice.encryption;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.mongodb.MongoClientSettings;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;

/**
 * AES-256-GCM of one stored value, with the JDK's own provider.
 *
 * <p>A sealed value is the subdocument {@code {k: <key id>, iv: <12 random bytes>, c: <ciphertext and 128-bit tag>}}.
 * The plaintext is the BSON of {@code {v: value}}, so a string, a list of strings or a list of
 * subdocuments keeps its type. The associated data names where the value lives (collection,
 * document, field): a value copied to another place does not decrypt.
 */
public final class FreeTextCipher {

    static final String KEY_ID = "k";
    static final String IV = "iv";
    static final String CIPHERTEXT = "c";
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final DocumentCodec CODEC = new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keyring keyring;

    public FreeTextCipher(Keyring keyring) {
        this.keyring = keyring;
    }

    public Keyring keyring() {
        return keyring;
    }

    /**
     * Encrypts a value with the current key.
     *
     * @param value any BSON value: a string, a list, a subdocument
     * @param place where the value will live, bound to it as associated data
     * @throws IllegalStateException when no key is configured
     */
    public Document seal(Object value, Place place) {
        String keyId = keyring.currentId();
        if (keyId == null) {
            throw new IllegalStateException("No encryption key is configured");
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keyring.key(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(place.associatedData(keyId));
            byte[] sealed = cipher.doFinal(encode(value));
            return new Document(KEY_ID, keyId).append(IV, new Binary(iv)).append(CIPHERTEXT, new Binary(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * Decrypts a sealed value.
     *
     * @param place where the value was read from; it must be where it was sealed
     * @throws UnreadableFreeTextException when the key is not configured, or the value was altered or moved
     */
    public Object open(Document sealed, Place place) {
        if (!isSealed(sealed)) {
            throw new UnreadableFreeTextException("The encrypted value at " + place + " is incomplete", null, null);
        }
        String keyId = sealed.getString(KEY_ID);
        SecretKey key = keyring.key(keyId);
        if (key == null) {
            throw new UnreadableFreeTextException("The value at " + place + " is encrypted with key '" + keyId
                    + "', which is not configured: add sv.encryption.keys." + keyId + " (the key it was encrypted with)", keyId, null);
        }
        byte[] iv = bytes(sealed.get(IV));
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(place.associatedData(keyId));
            return decode(cipher.doFinal(bytes(sealed.get(CIPHERTEXT))));
        } catch (AEADBadTagException e) {
            throw new UnreadableFreeTextException("The value at " + place + " does not decrypt with key '" + keyId
                    + "': it was altered, moved from another place, or key '" + keyId + "' is not the key it was encrypted with",
                    keyId, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new UnreadableFreeTextException("The value at " + place + " (key '" + keyId + "') cannot be decrypted: "
                    + e.getClass().getSimpleName(), keyId, e);
        }
    }

    /** Whether a stored value is a sealed one: {@code {k, iv, c}} and nothing else. */
    public static boolean isSealed(Object value) {
        return value instanceof Document document && document.size() == 3
                && document.get(KEY_ID) instanceof String
                && isBinary(document.get(IV)) && isBinary(document.get(CIPHERTEXT))
                && bytes(document.get(IV)).length == IV_BYTES;
    }

    /** The key id a sealed value was encrypted with. */
    public static String keyIdOf(Document sealed) {
        return sealed.getString(KEY_ID);
    }

    private static boolean isBinary(Object value) {
        return value instanceof Binary || value instanceof byte[];
    }

    private static byte[] bytes(Object value) {
        return value instanceof Binary binary ? binary.getData() : (byte[]) value;
    }

    private static byte[] encode(Object value) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            CODEC.encode(writer, new Document("v", value), EncoderContext.builder().build());
        }
        return buffer.toByteArray();
    }

    private static Object decode(byte[] bson) {
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bson))) {
            return CODEC.decode(reader, DecoderContext.builder().build()).get("v");
        }
    }
}
