package org.survivorvoice.analysis.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained analysis model: the sentiment classifier and the theme classifiers, with what it was
 * trained on. Stored as gzipped Java serialisation (CoreNLP's classifiers are Serializable).
 *
 * @param description what went into it, e.g. "corpus 1,042 + ratings 37 + corrections 12"
 */
public record AnalysisModel(SentimentClassifier sentiment, ThemeClassifiers themes, TrainingSettings settings, Instant trainedAt,
                            String description, String inputsFingerprint) implements Serializable {

    private static final long serialVersionUID = 1L;

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static AnalysisModel fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            return (AnalysisModel) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read a stored analysis model: " + e.getMessage(), e);
        }
    }
}
