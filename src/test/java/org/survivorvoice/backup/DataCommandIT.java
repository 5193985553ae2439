package org.survivorvoice.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survivorvoice.storage.InProcessStores;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export and restore commands on their own: every BSON type comes back as it was, a damaged or
 * missing file and a database that is not empty are refused with one line before anything is
 * written, and the external storage mode works as the embedded one.
 */
class DataCommandIT {

    @TempDir
    Path directory;

    /** Documents of every type a Survivor Voice collection holds (and more), in canonical Extended JSON. */
    static final List<String> ODD_DOCUMENTS = List.of(
            """
            {"collection": "responses", "document": {"_id": "7d0c5a58-8a43-4bb6-9f6c-0c7f2c4f1d11", "instrumentVersion": {"$numberInt": "3"}, \
            "answers": {"police-comment": "Line one\\nline two, \\"quoted\\", \\u00e9t\\u00e9 \\ud83d\\ude00 \\u0645\\u0631\\u062d\\u0628\\u0627", \
            "barriers": ["money", "language"]}, "analysisQueued": true, "aggregated": false, "reference": null}}""",
            """
            {"collection": "responses", "document": {"_id": "SV-2", "recordedAt": {"$date": {"$numberLong": "1448972130123"}}, \
            "big": {"$numberLong": "9007199254740993"}, "small": {"$numberLong": "5"}, "ratio": {"$numberDouble": "0.1"}, \
            "whole": {"$numberDouble": "2.0"}, "money": {"$numberDecimal": "12.50"}, "nan": {"$numberDouble": "NaN"}}}""",
            """
            {"collection": "secrets", "document": {"_id": {"$oid": "5f1a2b3c4d5e6f7081928374"}, \
            "ciphertext": {"$binary": {"base64": "AAECAwQFBgcICQ==", "subType": "00"}}, \
            "uuid": {"$binary": {"base64": "c//SZESzTGmQ6OfR38A11A==", "subType": "04"}}, "nested": [[{"a": {"$numberLong": "1"}}], []]}}""");

    @Test
    void everyTypeComesBackAsItWasAndTheExportIsReadableByItsOwnerOnly() throws IOException {
        Path original = exportFile("original.jsonl", ODD_DOCUMENTS, Map.of("empty", 0L));
        Path data = directory.resolve("data");

        Run restored = run("restore", original.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restoring 3 documents exported on 2026-01-02T03:04:05Z by Survivor Voice test")
                .contains("Restored 3 documents: empty 0, responses 2, secrets 1");

        // Read back directly, not through the export: exactly the documents of the file, types included.
        Map<String, List<BsonDocument>> stored = readAll(data);
        assertThat(stored.keySet()).containsExactly("empty", "responses", "secrets");
        assertThat(stored.get("empty")).isEmpty();
        assertThat(stored.get("responses")).containsExactlyInAnyOrder(document(ODD_DOCUMENTS.get(0)), document(ODD_DOCUMENTS.get(1)));
        assertThat(stored.get("secrets")).containsExactly(document(ODD_DOCUMENTS.get(2)));
        assertThat(stored.get("responses").get(0).get("instrumentVersion").isInt32()).isTrue();
        assertThat(stored.get("secrets").get(0).getBinary("ciphertext").getData()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        Path again = directory.resolve("again.jsonl");
        Run exported = run("export", again.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("Exported 3 documents from in-process mongo-java-server")
                .contains("to " + again + ": empty 0, responses 2, secrets 1");
        assertThat(Files.getPosixFilePermissions(again)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(directory.toFile().list()).doesNotContain(".again.jsonl.body", "again.jsonl.partial");

        List<String> lines = Files.readAllLines(again);
        BsonDocument header = BsonDocument.parse(lines.get(0));
        assertThat(header.getString("format").getValue()).isEqualTo("survivor-voice-export");
        assertThat(header.getInt32("formatVersion").getValue()).isEqualTo(1);
        assertThat(header.getString("database").getValue()).isEqualTo("survivor-voice");
        assertThat(header.getDocument("collections").entrySet()).extracting(e -> e.getKey() + " " + e.getValue().asNumber().longValue())
                .containsExactly("empty 0", "responses 2", "secrets 1");
        assertThat(header.get("documents").asNumber().longValue()).isEqualTo(3);
        assertThat(header.getString("sha256").getValue()).isEqualTo(sha256(lines.subList(1, lines.size())));
        assertThat(lines.subList(1, lines.size())).extracting(DataCommandIT::document)
                .containsExactlyInAnyOrderElementsOf(ODD_DOCUMENTS.stream().map(DataCommandIT::document).toList());
        assertThat(lines.get(1)).contains("\"$numberInt\": \"3\"").contains("\\n");
    }

    @Test
    void aDamagedLineIsNamedAndNothingIsWritten() throws IOException {
        List<String> lines = new ArrayList<>(ODD_DOCUMENTS);
        lines.set(1, lines.get(1).replace("\"$numberLong\": \"5\"}", "\"$numberLong\": \"5\""));
        Path broken = exportFileCounting("broken.jsonl", lines, counts(ODD_DOCUMENTS));
        Path data = directory.resolve("data");

        Run run = run("restore", broken.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .isEqualTo("restore: " + broken + " line 3: not valid Extended JSON; nothing was restored");
        assertThat(run.err()).doesNotContain("9007199254740993");
        assertThat(InProcessStores.holdsData(data)).as("the database was not even opened").isFalse();
    }

    @Test
    void aChangedOrIncompleteFileIsRefused() throws IOException {
        Path good = exportFile("good.jsonl", ODD_DOCUMENTS, Map.of());
        List<String> lines = Files.readAllLines(good);
        Path data = directory.resolve("data");

        Path changed = directory.resolve("changed.jsonl");
        Files.write(changed, List.of(lines.get(0), lines.get(1).replace("money", "honey"), lines.get(2), lines.get(3)));
        Run run = run("restore", changed.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("restore: " + changed
                + ": the checksum does not match: the file was changed or damaged; nothing was restored\n");

        Path cut = directory.resolve("cut.jsonl");
        Files.write(cut, lines.subList(0, 3));
        run = run("restore", cut.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("restore: " + cut + ": the header counts 1 documents in secrets but the file holds 0");

        Path notAnExport = directory.resolve("notes.txt");
        Files.writeString(notAnExport, "Dear diary\n");
        run = run("restore", notAnExport.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("restore: " + notAnExport + " line 1: not an export header (not JSON); nothing was restored\n");

        Path latin1 = directory.resolve("latin1.jsonl");
        Files.write(latin1, (lines.get(0) + "\n{\"collection\": \"x\", \"document\": {\"_id\": \"caf\u00e9\"}}\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        run = run("restore", latin1.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);
        assertThat(run.err()).isEqualTo("restore: " + latin1 + ": the file is not UTF-8 text; nothing was restored\n");

        assertThat(InProcessStores.holdsData(data)).isFalse();
        // CR LF line ends (a copy through another system) still check.
        Path crlf = directory.resolve("crlf.jsonl");
        Files.writeString(crlf, String.join("\r\n", lines) + "\r\n");
        run = run("restore", crlf.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void aMissingFileIsOneLine() {
        Path data = directory.resolve("data");
        Path missing = directory.resolve("nowhere.jsonl");
        Run run = run("restore", missing.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("restore: " + missing + ": no such file; nothing was restored\n");
        assertThat(run.out()).isEmpty();

        run = run("restore", "--sv.storage.engine=in-process");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("restore: usage: restore FILE");
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefused() throws IOException {
        Path file = exportFile("file.jsonl", ODD_DOCUMENTS, Map.of());
        Path data = directory.resolve("data");
        assertThat(run("restore", file.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data).code()).isZero();

        Run again = run("restore", file.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);

        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).startsWith("restore: the database survivor-voice (in-process mongo-java-server")
                .contains("is not empty (responses 2, secrets 1): restore only into an empty database")
                .endsWith("; nothing was restored\n");
        assertThat(readAll(data).get("responses")).hasSize(2);
    }

    @Test
    void aRestoreThatStopsPartWaySaysHowFarItGot() throws IOException {
        // Valid lines, a correct checksum, but the same _id twice: the database refuses the second.
        Path file = exportFile("twice.jsonl", List.of(ODD_DOCUMENTS.get(0), ODD_DOCUMENTS.get(1), ODD_DOCUMENTS.get(0)), Map.of());
        Path data = directory.resolve("data");

        Run run = run("restore", file.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("restore: stopped after 2 of 3 documents (E11000 duplicate key error")
                .endsWith("The database now holds part of the file: empty it before restoring again\n");
        assertThat(readAll(data).get("responses")).hasSize(2);
    }

    @Test
    void exportNeverOverwritesAndNeverInventsAnEmptyDataDirectory() throws IOException {
        Path data = directory.resolve("mistyped");
        Run run = run("export", directory.resolve("out.jsonl").toString(), "--sv.storage.engine=in-process",
                "--sv.storage.data-dir=" + data);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("export: the data directory " + data
                + " holds no data (check sv.storage.data-dir); nothing was exported\n");
        assertThat(InProcessStores.holdsData(data)).isFalse();

        Path existing = Files.writeString(directory.resolve("existing.jsonl"), "keep me");
        run = run("export", existing.toString(), "--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("export: " + existing + " already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void aDataDirectoryInUseIsOneLine() throws IOException {
        Path data = directory.resolve("data");
        try (InProcessStores.Open inUse = InProcessStores.open(data)) {
            Run run = run("export", directory.resolve("out.jsonl").toString(), "--sv.storage.engine=in-process",
                    "--sv.storage.data-dir=" + data);
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err().lines()).singleElement().asString()
                    .startsWith("export: The in-process database " + data.resolve("in-process").resolve("survivor-voice.mv"))
                    .contains("is in use by another process: stop the service or command that uses this data directory first")
                    .endsWith("; nothing was exported");
        }
        assertThat(directory.resolve("out.jsonl")).doesNotExist();
    }

    @Test
    void theExternalModeExportsAndRestoresAndAnUnreachableServerIsOneLine() throws IOException {
        Path file = exportFile("file.jsonl", ODD_DOCUMENTS, Map.of());
        MongoServer first = new MongoServer(H2Backend.inMemory());
        MongoServer second = new MongoServer(H2Backend.inMemory());
        try {
            String one = "mongodb://" + address(first.bind()) + "/first";
            String two = "mongodb://" + address(second.bind()) + "/second";
            Run restored = run("restore", file.toString(), "--sv.storage.mode=external", "--spring.mongodb.uri=" + one);
            assertThat(restored.code()).as(restored.err()).isZero();
            assertThat(restored.out()).contains("into external MongoDB at " + one.substring("mongodb://".length()));

            Path exported = directory.resolve("exported.jsonl");
            Run export = run("export", exported.toString(), "--sv.storage.mode=external", "--spring.mongodb.uri=" + one);
            assertThat(export.code()).as(export.err()).isZero();
            assertThat(BsonDocument.parse(Files.readAllLines(exported).get(0)).getString("database").getValue()).isEqualTo("first");

            Run copied = run("restore", exported.toString(), "--sv.storage.mode=external", "--spring.mongodb.uri=" + two);
            assertThat(copied.code()).as(copied.err()).isZero();
            assertThat(copied.out()).contains("Restored 3 documents: responses 2, secrets 1");
        } finally {
            first.shutdownNow();
            second.shutdownNow();
        }

        int closed = closedPort();
        Run unreachable = run("export", directory.resolve("never.jsonl").toString(), "--sv.storage.mode=external",
                "--spring.mongodb.uri=mongodb://survivor:s3cret-Pa55@127.0.0.1:" + closed + "/sv",
                "--sv.storage.timeouts.server-selection=1s");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).isEqualTo("export: Cannot reach the database at mongodb://127.0.0.1:" + closed
                + "/sv within 1 s (ConnectException: Connection refused): check spring.mongodb.uri and that the database server"
                + " is running and accepts connections from here.; nothing was exported\n");
        assertThat(unreachable.out() + unreachable.err()).doesNotContain("s3cret").doesNotContain("survivor:");
    }

    // --- helpers ---

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DataCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An export file written by the test itself, from the format's description (not by the exporter). */
    Path exportFile(String name, List<String> lines, Map<String, Long> emptyCollections) throws IOException {
        Map<String, Long> counts = new TreeMap<>(emptyCollections);
        counts.putAll(counts(lines));
        return exportFileCounting(name, lines, counts);
    }

    /** The same, with the header's counts given. */
    Path exportFileCounting(String name, List<String> lines, Map<String, Long> counts) throws IOException {
        StringBuilder collections = new StringBuilder();
        counts.forEach((collection, count) -> collections.append(collections.isEmpty() ? "" : ", ")
                .append('"').append(collection).append("\": ").append(count));
        String header = "{\"format\": \"survivor-voice-export\", \"formatVersion\": 1, \"appVersion\": \"test\", "
                + "\"exportedAt\": \"2026-01-02T03:04:05Z\", \"database\": \"survivor-voice\", \"documents\": " + lines.size()
                + ", \"collections\": {" + collections + "}, \"sha256\": \"" + sha256(lines) + "\"}";
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        return Files.write(directory.resolve(name), all);
    }

    static Map<String, Long> counts(List<String> lines) {
        Map<String, Long> counts = new TreeMap<>();
        lines.forEach(line -> counts.merge(BsonDocument.parse(line).getString("collection").getValue(), 1L, Long::sum));
        return counts;
    }

    static String sha256(List<String> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static BsonDocument document(String line) {
        return BsonDocument.parse(line).getDocument("document");
    }

    /** Every collection of an in-process data directory, read raw. */
    static Map<String, List<BsonDocument>> readAll(Path dataDir) {
        try (InProcessStores.Open store = InProcessStores.open(dataDir)) {
            Map<String, List<BsonDocument>> all = new TreeMap<>();
            for (String name : Flux.from(store.database().listCollectionNames()).collectList().block()) {
                all.put(name, Flux.from(store.database().getCollection(name, BsonDocument.class).find()).collectList().block());
            }
            return all;
        }
    }

    private static String address(java.net.InetSocketAddress address) {
        return "127.0.0.1:" + address.getPort();
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
