package org.survivorvoice.backup;

import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.survivorvoice.SurvivorVoiceApplication;
import org.survivorvoice.storage.StorageConfiguration;
import org.survivorvoice.storage.StorageEngine;
import org.survivorvoice.storage.StorageProperties;

/**
 * {@code java -jar survivor-voice.jar export FILE} and {@code restore FILE}: all the data as JSON
 * lines, and back into an empty database, on the configured storage (embedded or external; the
 * same {@code sv.storage.*} and {@code spring.mongodb.uri} as the service). No web server starts.
 *
 * <p>Exit status: 0 done; 1 nothing was written (bad arguments, a missing or damaged file, an
 * existing output file, a database that is not empty or cannot be reached); 2 a restore stopped
 * part way, so the database holds part of the file.
 */
public final class DataCommandLine {

    public static final String EXPORT = "export";
    public static final String RESTORE = "restore";
    private static final long PROGRESS_EVERY = 100_000;

    private DataCommandLine() {
    }

    /** Whether the first argument that is not an option ({@code --name=value}) is one of these commands. */
    public static boolean handles(String[] args) {
        List<String> operands = operands(args);
        return !operands.isEmpty() && (operands.get(0).equals(EXPORT) || operands.get(0).equals(RESTORE));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> operands = operands(args);
        String command = operands.get(0);
        if (operands.size() != 2) {
            err.println(command + ": usage: " + command + " FILE   (for example: java -jar survivor-voice.jar " + command
                    + " survivor-voice.jsonl)");
            return 1;
        }
        Path file = Path.of(operands.get(1)).toAbsolutePath().normalize();
        return command.equals(EXPORT) ? export(file, args, out, err) : restore(file, args, out, err);
    }

    private static int export(Path file, String[] args, PrintStream out, PrintStream err) {
        if (Files.exists(file)) {
            err.println("export: " + file + " already exists: choose another name (an export never overwrites a file)");
            return 1;
        }
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            err.println("export: " + file.getParent() + " is not a directory");
            return 1;
        }
        try (Storage storage = Storage.open(args, true)) {
            ExportFile.Header header = new Exporter(storage.database(), appVersion(), Clock.systemUTC()).export(file);
            out.println("Exported " + documents(header.documents()) + " from " + storage.description() + " to " + file
                    + ": " + counts(header.collections()));
            return 0;
        } catch (StorageNotOpened e) {
            err.println("export: " + e.getMessage() + "; nothing was exported");
            return 1;
        } catch (FileAlreadyExistsException e) {
            err.println("export: " + file + " already exists: choose another name");
            return 1;
        } catch (Exception e) {
            err.println("export: failed (" + reason(e) + "); no file was written");
            return 1;
        }
    }

    private static int restore(Path file, String[] args, PrintStream out, PrintStream err) {
        ExportFile.Header header;
        try {
            header = ExportFile.validate(file);
        } catch (ExportFileException e) {
            err.println("restore: " + e.describe(file) + "; nothing was restored");
            return 1;
        }
        try (Storage storage = Storage.open(args, false)) {
            Restorer restorer = new Restorer(storage.database());
            Map<String, Long> existing = restorer.nonEmptyCollections();
            if (!existing.isEmpty()) {
                err.println("restore: the database " + storage.database().getName() + " (" + storage.description()
                        + ") is not empty (" + counts(existing) + "): restore only into an empty database,"
                        + " for example a new sv.storage.data-dir; nothing was restored");
                return 1;
            }
            out.println("Restoring " + documents(header.documents()) + " exported on " + header.exportedAt()
                    + " by Survivor Voice " + header.appVersion() + " into " + storage.description());
            Map<String, Long> written;
            long[] reported = {0};
            try {
                written = restorer.restore(file, header, total -> {
                    if (total - reported[0] >= PROGRESS_EVERY) {
                        out.println("  " + number(total) + " of " + number(header.documents()));
                        reported[0] = total;
                    }
                });
            } catch (Restorer.RestoreFailedException e) {
                Throwable cause = e.getCause();
                err.println("restore: stopped after " + number(e.written()) + " of " + documents(header.documents())
                        + " (" + (cause instanceof ExportFileException bad ? bad.describe(file) : reason(cause))
                        + "). The database now holds part of the file: empty it before restoring again");
                return 2;
            }
            out.println("Restored " + documents(written.values().stream().mapToLong(Long::longValue).sum()) + ": "
                    + counts(written));
            return 0;
        } catch (StorageNotOpened e) {
            err.println("restore: " + e.getMessage() + "; nothing was restored");
            return 1;
        } catch (Exception e) {
            err.println("restore: failed (" + reason(e) + "); nothing was restored");
            return 1;
        }
    }

    private static List<String> operands(String[] args) {
        return Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toList();
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "no collections";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " " + number(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String documents(long n) {
        return number(n) + (n == 1 ? " document" : " documents");
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    static String appVersion() {
        String version = SurvivorVoiceApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** The most telling line of a failure, without a stack trace. */
    static String reason(Throwable failure) {
        if (failure instanceof com.mongodb.MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            return bulk.getWriteErrors().get(0).getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** The configured storage, open, with nothing of the service running on it. */
    private record Storage(ConfigurableApplicationContext context, MongoDatabase database, String description)
            implements AutoCloseable {

        /** @param mustHoldData an embedded data directory without data is refused (a mistyped path), not created */
        static Storage open(String[] args, boolean mustHoldData) {
            ConfigurableApplicationContext context;
            try {
                context = new SpringApplicationBuilder(DataCommandContext.class)
                        .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
                            if (mustHoldData) {
                                requireData(event.getEnvironment());
                            }
                        })
                        .web(WebApplicationType.NONE)
                        .bannerMode(Banner.Mode.OFF)
                        .logStartupInfo(false)
                        // This command says what went wrong in one line of its own.
                        .properties("logging.level.org.springframework.boot.diagnostics=off",
                                "logging.level.org.springframework.boot.SpringApplication=off")
                        .run(args);
            } catch (StorageNotOpened e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StorageNotOpened(storageProblem(e));
            }
            MongoProperties properties = context.getBean(MongoProperties.class);
            String name = properties.getDatabase() != null ? properties.getDatabase()
                    : context.getBean(MongoConnectionDetails.class).getConnectionString().getDatabase();
            if (name == null || name.isBlank()) {
                context.close();
                throw new StorageNotOpened("spring.mongodb.uri names no database (mongodb://host/DATABASE)");
            }
            return new Storage(context, context.getBean(MongoClient.class).getDatabase(name),
                    context.getBean(StorageEngine.class).description());
        }

        private static void requireData(ConfigurableEnvironment environment) {
            StorageProperties storage = Binder.get(environment).bindOrCreate("sv.storage", StorageProperties.class);
            if (storage.mode() == StorageProperties.Mode.EMBEDDED && !StorageConfiguration.holdsData(storage.dataDir())) {
                throw new StorageNotOpened("the data directory " + storage.dataDir().toAbsolutePath().normalize()
                        + " holds no data (check sv.storage.data-dir)");
            }
        }

        /** The storage's own one-line message (unreachable, in use, cannot start), or the root cause. */
        private static String storageProblem(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof org.survivorvoice.storage.StorageUnreachableException
                        || t instanceof org.survivorvoice.storage.EmbeddedStorageException) {
                    return t.getMessage();
                }
            }
            return "the database could not be opened (" + reason(failure) + ")";
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** The storage could not be opened; the message says why in one line. */
    private static final class StorageNotOpened extends RuntimeException {
        StorageNotOpened(String message) {
            super(message);
        }
    }
}
