package org.colorize.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One JSON object of a card, read with the types the schema demands: a string where a number is
 * due is a {@link CardFormatException} naming the key's full path, never a gson or
 * NumberFormatException message. A key set to {@code null} counts as absent.
 */
final class CardFields {
    private final JsonObject object;
    private final String path;

    private CardFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    static CardFields root(JsonObject object) {
        return new CardFields(object, "");
    }

    JsonObject json() {
        return object;
    }

    /** The full dotted path of {@code key} in this object. */
    String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        JsonElement e = object.get(key);
        return e != null && !e.isJsonNull();
    }

    List<String> keys() {
        return new ArrayList<>(object.keySet());
    }

    CardFormatException error(String key, String problem) {
        return new CardFormatException(key(key), problem);
    }

    String string(String key, String fallback) {
        if (!has(key)) return fallback;
        JsonElement e = object.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw error(key, "must be a string, was " + e);
        return e.getAsString();
    }

    String requiredString(String key) {
        if (!has(key)) throw error(key, "is missing");
        return string(key, null);
    }

    /** A value of a key set, parsed by {@code parser} (which throws IllegalArgumentException for unknown values). */
    <T> T parsed(String key, Function<String, T> parser, String fallback) {
        String text = string(key, fallback);
        try {
            return parser.apply(text);
        } catch (CardFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(key, "is invalid: " + e.getMessage());
        }
    }

    <T> T requiredParsed(String key, Function<String, T> parser) {
        if (!has(key)) throw error(key, "is missing");
        return parsed(key, parser, null);
    }

    OptionalDouble number(String key) {
        if (!has(key)) return OptionalDouble.empty();
        return OptionalDouble.of(numeric(key).doubleValue());
    }

    double number(String key, double fallback) {
        return number(key).orElse(fallback);
    }

    OptionalLong wholeNumber(String key) {
        if (!has(key)) return OptionalLong.empty();
        BigDecimal value = new BigDecimal(numeric(key).toString());
        try {
            return OptionalLong.of(value.longValueExact());
        } catch (ArithmeticException e) {
            throw error(key, "must be a whole number, was " + object.get(key));
        }
    }

    int wholeNumber(String key, int fallback) {
        OptionalLong value = wholeNumber(key);
        if (value.isEmpty()) return fallback;
        if (value.getAsLong() != (int) value.getAsLong()) throw error(key, "is out of range: " + value.getAsLong());
        return (int) value.getAsLong();
    }

    private Number numeric(String key) {
        JsonElement e = object.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw error(key, "must be a number, was " + e);
        JsonPrimitive p = e.getAsJsonPrimitive();
        try {
            return new BigDecimal(p.getAsString());
        } catch (NumberFormatException notFinite) {
            throw error(key, "must be a finite number, was " + e);
        }
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) return fallback;
        JsonElement e = object.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw error(key, "must be true or false, was " + e);
        return e.getAsBoolean();
    }

    /** The object under {@code key}; an empty one when the key is absent. */
    CardFields object(String key) {
        return has(key) ? requiredObject(key) : new CardFields(new JsonObject(), key(key));
    }

    CardFields requiredObject(String key) {
        if (!has(key)) throw error(key, "is missing");
        JsonElement e = object.get(key);
        if (!e.isJsonObject()) throw error(key, "must be an object, was " + e);
        return new CardFields(e.getAsJsonObject(), key(key));
    }

    /** A required object with at least one entry (inputs, outputs, components). */
    CardFields nonEmptyObject(String key) {
        CardFields o = requiredObject(key);
        if (o.object.size() == 0) throw error(key, "must name at least one entry");
        return o;
    }
    /** Whether {@code key} holds an object (and not a string, a number …). */
    boolean isObject(String key) {
        return has(key) && object.get(key).isJsonObject();
    }

    /** A list of strings; empty when the key is absent. */
    List<String> strings(String key) {
        List<String> list = new ArrayList<>();
        JsonArray array = array(key);
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw error(key + "[" + i + "]", "must be a string, was " + e);
            }
            list.add(e.getAsString());
        }
        return list;
    }

    /** A list of whole numbers; empty when the key is absent. */
    List<Long> wholeNumbers(String key) {
        List<Long> list = new ArrayList<>();
        JsonArray array = array(key);
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            String at = key + "[" + i + "]";
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw error(at, "must be a number, was " + e);
            try {
                list.add(new BigDecimal(e.getAsString()).longValueExact());
            } catch (ArithmeticException | NumberFormatException notWhole) {
                throw error(at, "must be a whole number, was " + e);
            }
        }
        return list;
    }

    /** An object of string values, in the card's order; empty when the key is absent. */
    Map<String, String> stringMap(String key) {
        CardFields o = object(key);
        Map<String, String> map = new LinkedHashMap<>();
        for (String k : o.keys()) map.put(k, o.requiredString(k));
        return map;
    }

    private JsonArray array(String key) {
        if (!has(key)) return new JsonArray();
        JsonElement e = object.get(key);
        if (!e.isJsonArray()) throw error(key, "must be a list, was " + e);
        return e.getAsJsonArray();
    }
}
