package org.colorize.nn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TFloating;

/**
 * The variables of one graph, named hierarchically ({@code conv1_2/weight},
 * {@code conv1_norm/moving_mean}, …) so that a checkpoint maps one-to-one onto layer names, plus
 * the mode (train or inference) layers are built in.
 *
 * <p>The same network description builds a training graph ({@link Mode#TRAIN}: batch statistics,
 * moving-average update ops) and an inference graph ({@link Mode#INFERENCE}: moving statistics);
 * {@link #copyFrom} moves weights between their sessions by name. Inside one graph,
 * {@link #view(Mode, String)} builds a second copy of the network (e.g. an inference branch for
 * validation) on the same variables.
 *
 * <p>Each variable's initializer is an {@link Assign} in TF Java's init scope, run by
 * {@link Session#initialize()}; {@link #load} runs the same assigns with the value fed in, so
 * loading weights adds no ops to the graph (and nothing extra to an exported SavedModel).
 *
 * @param <T> the floating-point type of every variable and activation (TFloat32 in production,
 *     TFloat64 in gradient checks)
 */
public final class ParameterStore<T extends TFloating> {

    /** Which statistics batch norm uses and whether update ops are made. */
    public enum Mode { TRAIN, INFERENCE }

    /** What a variable is for. Only {@link #PARAMETER}s are trained; optimizer slots are never exported. */
    public enum Kind { PARAMETER, STATE, OPTIMIZER }

    /** One variable with its initializer. */
    public record Entry<T extends TFloating>(String name, Kind kind, Shape shape, Variable<T> variable,
            Operand<T> initialValue, Assign<T> initializer) {}

    /** Model weights: what an exported or copied network needs. */
    public static final Set<Kind> MODEL = Collections.unmodifiableSet(EnumSet.of(Kind.PARAMETER, Kind.STATE));

    private static final class Registry<T extends TFloating> {
        final Map<String, Entry<T>> entries = new LinkedHashMap<>();
        final Map<String, Ops> variableScopes = new HashMap<>();
        final List<Op> updates = new ArrayList<>();
        final FlopCounter flops = new FlopCounter();
    }

    private final Ops root;
    private final Ops tf;
    private final Class<T> dtype;
    private final Mode mode;
    private final long seed;
    private final boolean reuse;
    private final Registry<T> registry;
    private final Map<String, Ops> scopes;
    private final String prefix;

    private ParameterStore(Ops root, Ops tf, Class<T> dtype, Mode mode, long seed, boolean reuse, Registry<T> registry,
            Map<String, Ops> scopes) {
        this(root, tf, dtype, mode, seed, reuse, registry, scopes, "");
    }

    private ParameterStore(Ops root, Ops tf, Class<T> dtype, Mode mode, long seed, boolean reuse, Registry<T> registry,
            Map<String, Ops> scopes, String prefix) {
        this.prefix = prefix;
        this.root = root;
        this.tf = tf;
        this.dtype = dtype;
        this.mode = mode;
        this.seed = seed;
        this.reuse = reuse;
        this.registry = registry;
        this.scopes = scopes;
    }

    /** A store creating variables of {@code dtype} in {@code graph}; {@code seed} drives random initializers. */
    public static <T extends TFloating> ParameterStore<T> create(Graph graph, Class<T> dtype, Mode mode, long seed) {
        TfNatives.load();
        Ops ops = Ops.create(graph);
        Registry<T> registry = new Registry<>();
        return new ParameterStore<>(ops, ops, dtype, mode, seed, false, registry, registry.variableScopes);
    }

    /**
     * A view on the same variables in another mode whose computation ops are named under
     * {@code opScope}; building a network through it reuses (never creates) variables.
     */
    public ParameterStore<T> view(Mode viewMode, String opScope) {
        Ops viewOps = scope(root, registry.variableScopes, opScope);
        return new ParameterStore<>(root, viewOps, dtype, viewMode, seed, true, registry, new HashMap<>(), prefix);
    }

    /**
     * The same store (mode, variables, reuse) for a second network in the same graph: every
     * variable and layer scope it names gets {@code name/} in front (e.g. {@code instance/conv1_1/weight}
     * for InstColorization's instance network beside the full-image one).
     */
    public ParameterStore<T> under(String name) {
        if (name == null || name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("a prefix is one non-empty path element, was '" + name + "'");
        }
        return new ParameterStore<>(root, tf, dtype, mode, seed, reuse, registry, scopes, prefix + name + "/");
    }

    /** The ops factory for computation (not variables) of this store. */
    public Ops tf() {
        return tf;
    }

    /**
     * The ops factory for the computation ops of layer {@code name}: the name sub-scope
     * {@code name}, the same one on every call (TF Java would make a fresh {@code name_1} otherwise).
     */
    public Ops tf(String name) {
        return scope(tf, scopes, prefix + name);
    }

    /** The sub-scope for the slash-separated {@code path}, created once per cache. */
    private static Ops scope(Ops base, Map<String, Ops> cache, String path) {
        if (path.isEmpty()) {
            return base;
        }
        Ops cached = cache.get(path);
        if (cached == null) {
            int slash = path.lastIndexOf('/');
            Ops parent = slash < 0 ? base : scope(base, cache, path.substring(0, slash));
            cached = parent.withSubScope(path.substring(slash + 1));
            cache.put(path, cached);
        }
        return cached;
    }

    public Class<T> dtype() {
        return dtype;
    }

    public Mode mode() {
        return mode;
    }

    public boolean training() {
        return mode == Mode.TRAIN;
    }

    /** A scalar constant of this store's type. */
    public Operand<T> scalar(double v) {
        return tf.constant(dtype, v);
    }

    /** A trainable parameter named {@code name} (e.g. {@code conv1_2/weight}). */
    public Variable<T> parameter(String name, Shape shape, Init init) {
        return variable(name, Kind.PARAMETER, shape, init);
    }

    /** A non-trainable model variable (e.g. batch norm moving statistics). */
    public Variable<T> state(String name, Shape shape, Init init) {
        return variable(name, Kind.STATE, shape, init);
    }

    /** An optimizer slot (e.g. Adam moments); kept in checkpoints, never exported. */
    public Variable<T> optimizerSlot(String name, Shape shape, Init init) {
        return variable(name, Kind.OPTIMIZER, shape, init);
    }

    private Variable<T> variable(String localName, Kind kind, Shape shape, Init init) {
        String name = prefix + localName;
        Entry<T> existing = registry.entries.get(name);
        if (reuse) {
            if (existing == null) {
                throw new IllegalStateException("view of the store has no variable " + name + " to reuse");
            }
            if (!existing.shape().equals(shape) || existing.kind() != kind) {
                throw new IllegalStateException("variable " + name + " is " + existing.kind() + " " + existing.shape()
                        + ", asked for " + kind + " " + shape);
            }
            return existing.variable();
        }
        if (existing != null) {
            throw new IllegalArgumentException("variable " + name + " already exists");
        }
        int slash = name.lastIndexOf('/');
        Ops scope = scope(root, registry.variableScopes, slash < 0 ? "" : name.substring(0, slash)).withInitScope();
        Variable<T> v = scope.withName(leaf(name)).variable(shape, dtype);
        if (!v.op().name().equals(name)) {
            // TF Java renames a scope that clashes with an existing op, e.g. "w/m" when "w" is a variable
            throw new IllegalArgumentException("variable " + name + " would be named " + v.op().name()
                    + ": a variable name must not be the prefix of another");
        }
        Operand<T> value = init.value(scope.withSubScope(leaf(name) + "_init"), shape, dtype, seeds(name));
        Assign<T> assign = scope.withName(leaf(name) + "_assign").assign(v, value);
        registry.entries.put(name, new Entry<>(name, kind, shape, v, value, assign));
        return v;
    }

    private static String leaf(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private long[] seeds(String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a, stable across JVMs unlike String.hashCode's use in maps
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new long[] {seed, h};
    }

    /** Registers an op that must run with every training step (e.g. a moving-average update). */
    public void addUpdate(Op op) {
        registry.updates.add(op);
    }

    /** The update ops registered so far. */
    public List<Op> updates() {
        return Collections.unmodifiableList(registry.updates);
    }

    /**
     * The update ops registered so far whose op name starts with {@code prefix} (a layer's update
     * ops are named under the layer, e.g. {@code conv1_norm/…}); "" gives every one.
     */
    public List<Op> updates(String prefix) {
        return registry.updates.stream().filter(op -> op.op().name().startsWith(prefix)).toList();
    }

    /** The conv MAC counter of this graph. */
    public FlopCounter flops() {
        return registry.flops.under(prefix);
    }

    /** All variables in creation order. */
    public Map<String, Entry<T>> entries() {
        return Collections.unmodifiableMap(registry.entries);
    }

    /** The variables of the given kinds, by name, in creation order. */
    public Map<String, Variable<T>> variables(Set<Kind> kinds) {
        Map<String, Variable<T>> out = new LinkedHashMap<>();
        registry.entries.values().stream().filter(e -> kinds.contains(e.kind()))
                .forEach(e -> out.put(e.name(), e.variable()));
        return out;
    }

    /** The trainable parameters, by name. */
    public Map<String, Variable<T>> parameters() {
        return variables(EnumSet.of(Kind.PARAMETER));
    }

    /** The trainable parameters whose name starts with {@code prefix} (a scope such as {@code fusion/}), by name. */
    public Map<String, Variable<T>> parameters(String prefix) {
        Map<String, Variable<T>> out = new LinkedHashMap<>();
        parameters().forEach((name, v) -> {
            if (name.startsWith(prefix)) out.put(name, v);
        });
        return out;
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        return registry.entries.values().stream().filter(e -> e.kind() == Kind.PARAMETER)
                .mapToLong(e -> e.shape().size()).sum();
    }

    /**
     * Reads the current values of the variables of {@code kinds} from {@code session}. The caller
     * owns (and must close) the returned tensors.
     */
    public Map<String, Tensor> read(Session session, Set<Kind> kinds) {
        List<String> names = new ArrayList<>(variables(kinds).keySet());
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        Session.Runner r = session.runner();
        names.forEach(r::fetch);
        Result result = r.run();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), result.get(i));
        }
        return out;
    }

    /**
     * Sets variables of this store to {@code values} (by name) in {@code session}, initializing the
     * session first. Names this store lacks are ignored; with {@code requireAll} every model
     * variable (parameter and state) must be given.
     */
    public void load(Session session, Map<String, ? extends Tensor> values, boolean requireAll) {
        if (requireAll) {
            List<String> missing = variables(MODEL).keySet().stream().filter(n -> !values.containsKey(n)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("no values for " + missing);
            }
        }
        session.initialize();
        Session.Runner r = session.runner();
        boolean any = false;
        for (Map.Entry<String, ? extends Tensor> v : values.entrySet()) {
            Entry<T> e = registry.entries.get(v.getKey());
            if (e == null) {
                continue;
            }
            if (!v.getValue().shape().equals(e.shape())) {
                throw new IllegalArgumentException("value for " + e.name() + " has shape " + v.getValue().shape()
                        + ", variable has " + e.shape());
            }
            r.feed(e.initialValue(), v.getValue()).addTarget(e.initializer());
            any = true;
        }
        if (any) {
            r.run().close();
        }
    }

    /**
     * Copies every model variable of this store from {@code source} (a session on any graph holding
     * variables of the same names, e.g. the training graph) into {@code target} (a session on this
     * store's graph).
     */
    public void copyFrom(Session source, Session target) {
        List<String> names = new ArrayList<>(variables(MODEL).keySet());
        Session.Runner r = source.runner();
        names.forEach(r::fetch);
        try (Result result = r.run()) {
            Map<String, Tensor> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), result.get(i));
            }
            load(target, values, true);
        }
    }
}
