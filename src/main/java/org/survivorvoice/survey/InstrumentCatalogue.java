package org.survivorvoice.survey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.definition.DefinitionException;
import org.survivorvoice.definition.DefinitionFiles;

/** The current version of every instrument, loaded and validated once at start-up. */
public final class InstrumentCatalogue {

    static final String AGENCIES_FILE = "agencies.yaml";

    private final Agencies agencies;
    private final Map<String, Instrument> instruments;

    InstrumentCatalogue(Agencies agencies, List<Instrument> instruments) {
        this.agencies = agencies;
        Map<String, Instrument> byId = new LinkedHashMap<>();
        instruments.forEach(i -> byId.put(i.id(), i));
        this.instruments = java.util.Collections.unmodifiableMap(byId);
    }

    /** Loads {@code agencies.yaml} and every other {@code *.yaml} under {@code location}. */
    public static InstrumentCatalogue load(String location, Codebook codebook) {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(location + "*.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list instrument files in " + location + ": " + e.getMessage(), e);
        }
        Resource agenciesFile = Arrays.stream(files).filter(f -> AGENCIES_FILE.equals(f.getFilename())).findFirst()
                .orElseThrow(() -> new DefinitionException(location + AGENCIES_FILE, "", "the file is missing"));
        Agencies agencies = Agencies.parse(DefinitionFiles.name(agenciesFile), DefinitionFiles.read(agenciesFile), codebook);
        InstrumentParser parser = new InstrumentParser(agencies);
        List<Instrument> instruments = Arrays.stream(files)
                .filter(f -> !AGENCIES_FILE.equals(f.getFilename()))
                .sorted(Comparator.comparing(Resource::getFilename))
                .map(f -> parser.parse(DefinitionFiles.name(f), DefinitionFiles.read(f),
                        f.getFilename().substring(0, f.getFilename().length() - ".yaml".length())))
                .toList();
        if (instruments.isEmpty()) {
            throw new DefinitionException(location, "", "no instrument files (*.yaml besides agencies.yaml)");
        }
        return new InstrumentCatalogue(agencies, instruments);
    }

    public List<Instrument> all() {
        return List.copyOf(instruments.values());
    }

    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(instruments.get(id));
    }

    public Agencies agencies() {
        return agencies;
    }
}
