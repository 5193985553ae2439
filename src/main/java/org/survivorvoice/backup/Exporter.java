package org.survivorvoice.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.BsonDocument;
import reactor.core.publisher.Flux;

/**
 * Writes every collection of the database (except MongoDB's own {@code system.*}) to an export
 * file, document by document, exactly as stored: encrypted values stay ciphertext. The file
 * appears only when complete, readable by its owner only.
 */
final class Exporter {

    private static final int PREFETCH = 256;

    private final MongoDatabase database;
    private final String appVersion;
    private final Clock clock;

    Exporter(MongoDatabase database, String appVersion, Clock clock) {
        this.database = database;
        this.appVersion = appVersion;
        this.clock = clock;
    }

    ExportFile.Header export(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        List<String> names = Flux.from(database.listCollectionNames()).filter(ExportFile::isExportable).sort()
                .collectList().block();
        Path body = file.resolveSibling("." + file.getFileName() + ".body");
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        // Left by an export that was stopped part way: ours, and of no use.
        Files.deleteIfExists(body);
        Files.deleteIfExists(partial);
        try {
            MessageDigest digest = ExportFile.sha256();
            Map<String, Long> counts = new LinkedHashMap<>();
            try (BufferedWriter writer = writer(body)) {
                for (String name : names) {
                    long count = 0;
                    var documents = Flux.from(database.getCollection(name, BsonDocument.class).find()).toIterable(PREFETCH);
                    for (BsonDocument document : documents) {
                        String line = new ExportFile.Line(name, document).toJson();
                        writer.write(line);
                        writer.write('\n');
                        ExportFile.digest(digest, line);
                        count++;
                    }
                    counts.put(name, count);
                }
            }
            ExportFile.Header header = ExportFile.Header.of(appVersion, clock.instant(), database.getName(), counts, digest.digest());
            try (FileChannel channel = FileChannel.open(create(partial), StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                out.write((header.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
                Files.copy(body, out);
                out.flush();
                channel.force(true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return header;
        } finally {
            Files.deleteIfExists(body);
            Files.deleteIfExists(partial);
        }
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(create(file), StandardOpenOption.WRITE),
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** A new file only its owner can read: an export holds every survivor's words. */
    private static Path create(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createFile(file, ownerOnly);
        }
        return Files.createFile(file);
    }
}
