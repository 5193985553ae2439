package org.survivorvoice.codebook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.survivorvoice.definition.DefinitionNode;

/** The themes comments are tagged with (nlp-models/codebook.yaml), in codebook order. */
public final class Codebook {

    private final int version;
    private final Map<String, Theme> themes;

    public Codebook(int version, List<Theme> themes) {
        this.version = version;
        Map<String, Theme> byId = new LinkedHashMap<>();
        themes.forEach(theme -> byId.put(theme.id(), theme));
        this.themes = java.util.Collections.unmodifiableMap(byId);
    }

    public static Codebook parse(String file, String yaml) {
        DefinitionNode root = DefinitionNode.parse(file, yaml).onlyKeys(Set.of("version", "themes"));
        int version = root.optionalInteger("version").orElseThrow(() -> root.problem("'version' is missing"));
        Map<String, Theme> themes = new LinkedHashMap<>();
        for (DefinitionNode node : root.children("themes", "theme", true)) {
            node.onlyKeys(Set.of("id", "label", "description"));
            Theme theme = new Theme(node.requiredId("id"), node.requiredText("label"), node.requiredText("description"));
            if (themes.putIfAbsent(theme.id(), theme) != null) {
                throw node.problem("the id '" + theme.id() + "' is used twice");
            }
        }
        return new Codebook(version, List.copyOf(themes.values()));
    }

    public int version() {
        return version;
    }

    public List<Theme> themes() {
        return List.copyOf(themes.values());
    }

    public Optional<Theme> theme(String id) {
        return Optional.ofNullable(themes.get(id));
    }

    public boolean contains(String id) {
        return themes.containsKey(id);
    }
}
