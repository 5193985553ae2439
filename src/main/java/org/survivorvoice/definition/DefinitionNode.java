package org.survivorvoice.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One mapping of a YAML definition file, read with the position it has in the file ("section
 * 'police', question 'police-rating'") so that every problem can be reported where it is.
 */
public final class DefinitionNode {

    /** Lower-case letters, digits and hyphens, starting with a letter. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String file;
    private final String where;
    private final Map<?, ?> values;

    private DefinitionNode(String file, String where, Map<?, ?> values) {
        this.file = file;
        this.where = where;
        this.values = values;
    }

    /** Parses a whole file, which must hold one YAML mapping. */
    public static DefinitionNode parse(String file, String yaml) {
        Object root;
        try {
            root = YAML.readValue(yaml, Object.class);
        } catch (JacksonException e) {
            throw new DefinitionException(file, "", "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("").strip()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new DefinitionException(file, "", "expected a mapping of keys to values at the top");
        }
        return new DefinitionNode(file, "", map);
    }

    public String file() {
        return file;
    }

    public DefinitionException problem(String problem) {
        return new DefinitionException(file, where, problem);
    }

    /** Fails on any key that is not one of {@code allowed} (a typo would otherwise go unnoticed). */
    public DefinitionNode onlyKeys(Set<String> allowed) {
        for (Object key : values.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw problem("unknown key '" + key + "' (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    public String requiredText(String key) {
        return optionalText(key).orElseThrow(() -> problem("'" + key + "' is missing"));
    }

    public Optional<String> optionalText(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw problem("'" + key + "' must be text, not " + describe(value));
        }
        if (text.isBlank()) {
            throw problem("'" + key + "' is empty");
        }
        return Optional.of(text.strip());
    }

    public String requiredId(String key) {
        return checkId(key, requiredText(key));
    }

    public Optional<String> optionalId(String key) {
        return optionalText(key).map(id -> checkId(key, id));
    }

    private String checkId(String key, String id) {
        if (!ID.matcher(id).matches()) {
            throw problem("'" + key + "' is '" + id + "': use lower-case letters, digits and single hyphens, starting with a letter");
        }
        return id;
    }

    public Optional<Integer> optionalInteger(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Integer number)) {
            throw problem("'" + key + "' must be a whole number, not " + describe(value));
        }
        return Optional.of(number);
    }

    public boolean flag(String key, boolean absent) {
        Object value = values.get(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean bool)) {
            throw problem("'" + key + "' must be true or false, not " + describe(value));
        }
        return bool;
    }

    /** A list of mappings; each child is named by {@code kind} and its {@code id} for messages. */
    public List<DefinitionNode> children(String key, String kind, boolean required) {
        Object value = values.get(key);
        if (value == null) {
            if (required) {
                throw problem("'" + key + "' is missing");
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem("'" + key + "' must be a list, not " + describe(value));
        }
        if (required && list.isEmpty()) {
            throw problem("'" + key + "' is empty");
        }
        List<DefinitionNode> children = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String name = kind + " " + (item instanceof Map<?, ?> m && m.get("id") instanceof String id ? "'" + id + "'" : "#" + (i + 1));
            String childWhere = where.isEmpty() ? name : where + ", " + name;
            if (!(item instanceof Map<?, ?> map)) {
                throw new DefinitionException(file, childWhere, "expected a mapping, not " + describe(item));
            }
            children.add(new DefinitionNode(file, childWhere, map));
        }
        return children;
    }

    /** A list of ids (for example the agencies in a group's remit). */
    public List<String> idList(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem("'" + key + "' must be a list, not " + describe(value));
        }
        List<String> ids = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String id) || !ID.matcher(id).matches()) {
                throw problem("'" + key + "' holds " + describe(item) + ", which is not an id");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(value);
    }
}
