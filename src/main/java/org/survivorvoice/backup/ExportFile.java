package org.survivorvoice.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * The export file: UTF-8 JSON lines. The first line is the header:
 *
 * <pre>{"format": "survivor-voice-export", "formatVersion": 1, "appVersion": "0.1.0", "exportedAt": "2026-…Z",
 *  "database": "survivor-voice", "documents": 42, "collections": {"accounts": 3, …}, "sha256": "…"}</pre>
 *
 * <p>Every other line is one document of one collection, in MongoDB Extended JSON v2, canonical
 * mode, so that every type comes back as it was stored (dates, binaries, 32- and 64-bit integers,
 * doubles, decimals, ObjectIds):
 *
 * <pre>{"collection": "accounts", "document": {"_id": "admin", …}}</pre>
 *
 * <p>{@code sha256} is the SHA-256 of the document lines, each taken as its UTF-8 bytes followed
 * by a line feed (so a copy whose line ends became CR LF still checks). Blank lines are ignored.
 */
final class ExportFile {

    static final String FORMAT = "survivor-voice-export";
    static final int FORMAT_VERSION = 1;

    static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final JsonWriterSettings PLAIN = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private ExportFile() {
    }

    /** What the first line says. */
    record Header(int formatVersion, String appVersion, String exportedAt, String database,
                  Map<String, Long> collections, String sha256) {

        long documents() {
            return collections.values().stream().mapToLong(Long::longValue).sum();
        }

        String toJson() {
            BsonDocument counts = new BsonDocument();
            collections.forEach((name, count) -> counts.append(name, new BsonInt64(count)));
            return new BsonDocument("format", new BsonString(FORMAT))
                    .append("formatVersion", new BsonInt32(formatVersion))
                    .append("appVersion", new BsonString(appVersion))
                    .append("exportedAt", new BsonString(exportedAt))
                    .append("database", new BsonString(database))
                    .append("documents", new BsonInt64(documents()))
                    .append("collections", counts)
                    .append("sha256", new BsonString(sha256))
                    .toJson(PLAIN);
        }

        static Header of(String appVersion, Instant exportedAt, String database, Map<String, Long> collections, byte[] sha256) {
            return new Header(FORMAT_VERSION, appVersion, exportedAt.toString(), database, collections,
                    HexFormat.of().formatHex(sha256));
        }
    }

    /** One document line. */
    record Line(String collection, BsonDocument document) {

        String toJson() {
            return new BsonDocument("collection", new BsonString(collection)).append("document", document).toJson(CANONICAL);
        }
    }

    static boolean isExportable(String collection) {
        return !collection.isEmpty() && !collection.startsWith("system.") && collection.indexOf('\0') < 0
                && collection.indexOf('$') < 0;
    }

    /** Reads a file line by line, refusing bytes that are not UTF-8. */
    static BufferedReader open(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static void digest(MessageDigest digest, String line) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    static Header parseHeader(String line) {
        if (line == null) {
            throw new ExportFileException(1, "the file is empty");
        }
        BsonDocument header;
        try {
            header = BsonDocument.parse(line);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException e) {
            throw new ExportFileException(1, "not an export header (not JSON)");
        }
        if (!new BsonString(FORMAT).equals(header.get("format"))) {
            throw new ExportFileException(1, "not a Survivor Voice export (no \"format\": \"" + FORMAT + "\")");
        }
        BsonValue version = header.get("formatVersion");
        if (version == null || !version.isNumber()) {
            throw new ExportFileException(1, "the header has no formatVersion");
        }
        if (version.asNumber().intValue() != FORMAT_VERSION) {
            throw new ExportFileException(1, "format version " + version.asNumber().intValue()
                    + " is not supported (this version reads " + FORMAT_VERSION + ")");
        }
        BsonValue collections = header.get("collections");
        if (collections == null || !collections.isDocument()) {
            throw new ExportFileException(1, "the header has no \"collections\" object");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, BsonValue> entry : collections.asDocument().entrySet()) {
            if (!isExportable(entry.getKey()) || !entry.getValue().isNumber() || entry.getValue().asNumber().longValue() < 0) {
                throw new ExportFileException(1, "the header's collection \"" + entry.getKey() + "\" has no valid count");
            }
            counts.put(entry.getKey(), entry.getValue().asNumber().longValue());
        }
        BsonValue sha = header.get("sha256");
        if (sha == null || !sha.isString() || !sha.asString().getValue().matches("[0-9a-f]{64}")) {
            throw new ExportFileException(1, "the header has no sha256 checksum");
        }
        return new Header(FORMAT_VERSION, text(header, "appVersion"), text(header, "exportedAt"), text(header, "database"),
                counts, sha.asString().getValue());
    }

    private static String text(BsonDocument header, String key) {
        BsonValue value = header.get(key);
        return value != null && value.isString() ? value.asString().getValue() : "unknown";
    }

    static Line parseLine(long number, String line, Header header) {
        BsonDocument parsed;
        try {
            parsed = BsonDocument.parse(line);
        } catch (RuntimeException e) {
            // The parser's message may quote the line, and the line may be a survivor's words: not repeated.
            throw new ExportFileException(number, "not valid Extended JSON");
        }
        if (parsed.size() != 2 || !parsed.isString("collection") || !parsed.isDocument("document")) {
            throw new ExportFileException(number, "expected {\"collection\": \"…\", \"document\": {…}}");
        }
        String collection = parsed.getString("collection").getValue();
        if (!header.collections().containsKey(collection)) {
            throw new ExportFileException(number, "collection \"" + collection + "\" is not in the header");
        }
        BsonDocument document = parsed.getDocument("document");
        if (!document.containsKey("_id")) {
            throw new ExportFileException(number, "the document has no _id");
        }
        return new Line(collection, document);
    }

    /**
     * Reads the whole file without touching any database: the header, every line, the counts and
     * the checksum. @throws ExportFileException naming the line and what is wrong
     */
    static Header validate(Path file) {
        try (BufferedReader reader = open(file)) {
            Header header = parseHeader(reader.readLine());
            MessageDigest digest = sha256();
            Map<String, Long> found = new LinkedHashMap<>();
            header.collections().keySet().forEach(name -> found.put(name, 0L));
            long number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                digest(digest, line);
                Line parsed = parseLine(number, line, header);
                found.merge(parsed.collection(), 1L, Long::sum);
            }
            for (Map.Entry<String, Long> expected : header.collections().entrySet()) {
                long actual = found.get(expected.getKey());
                if (actual != expected.getValue()) {
                    throw new ExportFileException(0, "the header counts " + expected.getValue() + " documents in "
                            + expected.getKey() + " but the file holds " + actual + ": the file is incomplete or was changed");
                }
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(header.sha256())) {
                throw new ExportFileException(0, "the checksum does not match: the file was changed or damaged");
            }
            return header;
        } catch (NoSuchFileException e) {
            throw new ExportFileException(0, "no such file");
        } catch (CharacterCodingException e) {
            throw new ExportFileException(0, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new ExportFileException(0, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
