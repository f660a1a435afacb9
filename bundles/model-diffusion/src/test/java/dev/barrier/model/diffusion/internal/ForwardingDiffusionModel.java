package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import dev.barrier.api.model.DiffusionModel;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.LayerTap;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.NoiseSchedule;
import dev.barrier.api.model.SamplingSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A diffusion model that passes every call to another one; tests override single methods to observe calls. */
class ForwardingDiffusionModel implements DiffusionModel {

    private final DiffusionModel delegate;

    ForwardingDiffusionModel(DiffusionModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public NoiseSchedule schedule() {
        return delegate.schedule();
    }

    @Override
    public long[] sampleShape() {
        return delegate.sampleShape();
    }

    @Override
    public NDArray encode(NDArray images) {
        return delegate.encode(images);
    }

    @Override
    public NDArray decode(NDArray samples) {
        return delegate.decode(samples);
    }

    @Override
    public NDArray predictNoise(NDArray noisy, NDArray timesteps, NDArray classes, boolean training, LayerTap tap) {
        return delegate.predictNoise(noisy, timesteps, classes, training, tap);
    }

    @Override
    public NDArray sample(int[] classes, SamplingSettings settings, long seed, NDManager manager) {
        return delegate.sample(classes, settings, seed, manager);
    }

    @Override
    public String architecture() {
        return delegate.architecture();
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return delegate.hyperparameters();
    }

    @Override
    public InputSpec inputSpec() {
        return delegate.inputSpec();
    }

    @Override
    public List<LayerInfo> layers() {
        return delegate.layers();
    }

    @Override
    public Parameter weight(String layer) {
        return delegate.weight(layer);
    }

    @Override
    public Optional<Parameter> bias(String layer) {
        return delegate.bias(layer);
    }

    @Override
    public Map<String, Parameter> parameters() {
        return delegate.parameters();
    }

    @Override
    public Block block() {
        return delegate.block();
    }

    @Override
    public NDManager manager() {
        return delegate.manager();
    }

    @Override
    public NetworkModel copy() {
        return delegate.copy();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
