package org.colorize;

import java.util.Locale;
import java.util.StringJoiner;

/** Option values spelled as lowercase enum names: one parser and one message for every option. */
public final class EnumKeys {
    private EnumKeys() {
    }

    public static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant named {@code text} (any case); otherwise an error naming the option and the choices. */
    public static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        StringJoiner choices = new StringJoiner(", ");
        for (E e : type.getEnumConstants()) {
            if (key(e).equalsIgnoreCase(text.trim())) return e;
            choices.add(key(e));
        }
        throw new IllegalArgumentException(option + " must be one of " + choices + ", was '" + text + "'");
    }
}
