package org.survivorvoice.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.definition.DefinitionNode;

/** The agencies and operational groups of surveys/agencies.yaml. */
public final class Agencies {

    private final Map<String, Agency> agencies;
    private final Map<String, OperationalGroup> groups;

    private Agencies(Map<String, Agency> agencies, Map<String, OperationalGroup> groups) {
        this.agencies = agencies;
        this.groups = groups;
    }

    public static Agencies parse(String file, String yaml, Codebook codebook) {
        DefinitionNode root = DefinitionNode.parse(file, yaml).onlyKeys(Set.of("agencies", "groups"));
        Map<String, Agency> agencies = new LinkedHashMap<>();
        for (DefinitionNode node : root.children("agencies", "agency", true)) {
            node.onlyKeys(Set.of("id", "label", "description"));
            Agency agency = new Agency(node.requiredId("id"), node.requiredText("label"), node.optionalText("description").orElse(null));
            if (agencies.putIfAbsent(agency.id(), agency) != null) {
                throw node.problem("the id '" + agency.id() + "' is used twice");
            }
        }
        Map<String, OperationalGroup> groups = new LinkedHashMap<>();
        for (DefinitionNode node : root.children("groups", "group", false)) {
            node.onlyKeys(Set.of("id", "label", "agencies", "themes", "topics"));
            OperationalGroup group = new OperationalGroup(node.requiredId("id"), node.requiredText("label"),
                    node.idList("agencies"), node.idList("themes"), node.idList("topics"));
            group.agencies().stream().filter(id -> !agencies.containsKey(id)).findFirst().ifPresent(id -> {
                throw node.problem("unknown agency '" + id + "'");
            });
            group.themes().stream().filter(id -> !codebook.contains(id)).findFirst().ifPresent(id -> {
                throw node.problem("unknown theme '" + id + "' (not in the codebook)");
            });
            group.topics().stream().filter(id -> !OperationalGroup.TOPICS.contains(id)).findFirst().ifPresent(id -> {
                throw node.problem("unknown topic '" + id + "' (known: " + String.join(", ", new java.util.TreeSet<>(OperationalGroup.TOPICS)) + ")");
            });
            if (groups.putIfAbsent(group.id(), group) != null) {
                throw node.problem("the id '" + group.id() + "' is used twice");
            }
        }
        return new Agencies(java.util.Collections.unmodifiableMap(agencies), java.util.Collections.unmodifiableMap(groups));
    }

    public List<Agency> all() {
        return List.copyOf(agencies.values());
    }

    public Optional<Agency> agency(String id) {
        return Optional.ofNullable(agencies.get(id));
    }

    public List<OperationalGroup> groups() {
        return List.copyOf(groups.values());
    }

    public Optional<OperationalGroup> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }
}
