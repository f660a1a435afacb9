package dev.barrier.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.NetworkModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link NetworkModel} over a {@link TappableBlock}: owns a manager and the block's parameters, describes
 * the target layers, and saves, loads and copies through {@link ModelFiles}.
 *
 * @param <B> the block type
 */
public abstract class AbstractNetworkModel<B extends TappableBlock> implements NetworkModel {

    private final String architecture;
    private final Map<String, Object> hyperparameters;
    private final InputSpec inputSpec;
    private final NDManager manager;
    private final B block;
    private final List<String> targetNames;
    private final ParameterStore parameterStore;
    private List<LayerInfo> layers;

    /**
     * Wraps a block that is not initialised yet and initialises it with {@code seed}.
     *
     * @param architecture    the architecture name
     * @param hyperparameters the settings that determine the parameter shapes
     * @param inputSpec       the input the model is built for
     * @param manager         the manager that will own the parameters (closed with the model)
     * @param block           the block
     * @param targetNames     the names of the children a configuration can target, in forward order
     * @param seed            seeds the parameter initialisation
     * @param inputShapes     the shapes of the block's inputs, batch dimension included
     */
    protected AbstractNetworkModel(String architecture, Map<String, Object> hyperparameters, InputSpec inputSpec,
            NDManager manager, B block, List<String> targetNames, long seed, Shape... inputShapes) {
        this.architecture = architecture;
        this.hyperparameters = Collections.unmodifiableMap(new TreeMap<>(hyperparameters));
        this.inputSpec = inputSpec;
        this.manager = manager;
        this.block = block;
        this.targetNames = List.copyOf(targetNames);
        // DJL's initialisers draw from the engine's random generator.
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        block.initialize(manager, DataType.FLOAT32, inputShapes);
        this.parameterStore = new ParameterStore(manager, false);
    }

    @Override
    public String architecture() {
        return architecture;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    @Override
    public InputSpec inputSpec() {
        return inputSpec;
    }

    @Override
    public synchronized List<LayerInfo> layers() {
        if (layers == null) {
            List<LayerInfo> described = new ArrayList<>();
            for (String name : targetNames) {
                described.add(LayerInfos.describe(name, targetBlock(name)));
            }
            layers = List.copyOf(described);
        }
        return layers;
    }

    /** Returns the target layer block called {@code name}; the message lists the layers that exist. */
    protected Block targetBlock(String name) {
        Block child = targetNames.contains(name) ? findChild(name) : null;
        if (child == null) {
            throw new IllegalArgumentException("model " + architecture + " has no layer '" + name + "'; layers: "
                    + String.join(", ", targetNames));
        }
        return child;
    }

    /**
     * Finds the child block of a target layer. The default looks at the block's direct children; override
     * for nested blocks.
     */
    protected Block findChild(String name) {
        return block.child(name);
    }

    @Override
    public Parameter weight(String layer) {
        return targetBlock(layer).getParameters().get("weight");
    }

    @Override
    public Optional<Parameter> bias(String layer) {
        Block child = targetBlock(layer);
        return child.getParameters().contains("bias") ? Optional.of(child.getParameters().get("bias"))
                : Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * <p>DJL keys a child's parameters with the child's numbered key ({@code 01conv1_weight}); the names here
     * drop the numbers and use dots ({@code conv1.weight}).
     */
    @Override
    public Map<String, Parameter> parameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            out.put(qualifiedName(pair.getKey()), pair.getValue());
        }
        return out;
    }

    /** Turns a DJL parameter key such as {@code 03layer1_01conv_weight} into {@code layer1.conv.weight}. */
    static String qualifiedName(String djlKey) {
        StringBuilder name = new StringBuilder();
        for (String segment : djlKey.split("_")) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(segment.replaceFirst("^[0-9]+", ""));
        }
        return name.toString();
    }

    @Override
    public B block() {
        return block;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    /** Returns the parameter store forward passes use. */
    protected ParameterStore parameterStore() {
        return parameterStore;
    }

    /** Returns the file header that describes this model. */
    public ModelFiles.Header header() {
        return ModelFiles.Header.of(architecture, hyperparameters, inputSpec);
    }

    /** Saves the model to one file, atomically. */
    public void save(Path file) throws IOException {
        ModelFiles.save(header(), block, file);
    }

    /**
     * Loads parameters saved by {@link #save} into this model.
     *
     * @throws IllegalArgumentException if the file holds another architecture or settings
     */
    public void load(Path file) throws IOException {
        ModelFiles.load(file, header(), block, manager);
    }

    /**
     * Creates a model on a new base manager, and closes that manager again if the constructor fails.
     *
     * @param constructor builds the model on the manager it is given, which the model then owns
     * @param <M>         the model type
     * @return the new model
     * @throws RuntimeException whatever the constructor throws, after the manager is closed
     */
    public static <M extends NetworkModel> M create(Function<NDManager, M> constructor) {
        NDManager manager = NDManager.newBaseManager();
        try {
            return constructor.apply(manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Creates a model and loads the parameters saved in {@code file} into it, closing the model again if
     * loading fails.
     *
     * @param file         a file written by {@link #save}
     * @param architecture the architecture name, for the message when the file is missing
     * @param newModel     creates a model of the architecture and settings the file is expected to contain
     * @param <M>          the model type
     * @return the loaded model, which the caller closes
     * @throws NoSuchFileException      if {@code file} is not a regular file; nothing is created then
     * @throws IOException              if the file cannot be read or is not a model file
     * @throws IllegalArgumentException if the file contains another architecture, other settings or another
     *                                  input shape
     */
    public static <M extends AbstractNetworkModel<?>> M loadNew(Path file, String architecture, Supplier<M> newModel)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, architecture + " model file not found");
        }
        M model = newModel.get();
        try {
            model.load(file);
            return model;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Creates a model of the same architecture and settings, with fresh parameters, in a new manager. */
    protected abstract AbstractNetworkModel<B> newInstance(NDManager newManager);

    @Override
    public AbstractNetworkModel<B> copy() {
        NDManager newManager = manager.getEngine().newBaseManager(manager.getDevice());
        AbstractNetworkModel<B> copy = newInstance(newManager);
        ModelFiles.copy(header(), block, copy.block, newManager);
        return copy;
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return architecture + " " + hyperparameters + " (" + parameterCount() + " parameters)";
    }
}
