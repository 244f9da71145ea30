package io.hookgate.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The SET clause of a management PATCH in HQL: only the changed attributes, and {@code updatedAt} bumped. */
public final class PartialUpdate {

    private PartialUpdate() {
    }

    /**
     * Each change becomes {@code attr = :attr}, or {@code attr = null} for a cleared value; the bound values go into
     * {@code params}. Attribute names come from the caller's closed set of columns, never from request text.
     */
    public static <C> String set(Map<C, Object> changes, Function<C, String> attribute, Map<String, Object> params) {
        List<String> sets = new ArrayList<>();
        changes.forEach((column, value) -> {
            String name = attribute.apply(column);
            if (value == null) {
                sets.add(name + " = null");
            } else {
                params.put(name, value);
                sets.add(name + " = :" + name);
            }
        });
        sets.add("updatedAt = current_timestamp");
        return String.join(", ", sets);
    }
}
