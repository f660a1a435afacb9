package dev.barrier.model.diffusion.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.InputSpec;

import java.util.Map;

/**
 * The settings of a latent model's codec. The only type now is {@code pca}: principal component analysis
 * of the training images, keeping {@code components} directions, optionally whitened (each coordinate divided
 * by its standard deviation over the training images).
 *
 * @param type       the codec type, {@value #PCA}
 * @param components the number of principal components, the width of the latent samples
 * @param whiten     whether latent coordinates are scaled to unit variance
 */
record CodecSettings(String type, int components, boolean whiten) {

    /** The PCA codec type. */
    static final String PCA = "pca";
    /** The largest number of components accepted. */
    static final int MAX_COMPONENTS = 1 << 16;

    /** Checks the values. */
    CodecSettings {
        if (!PCA.equals(type)) {
            throw new IllegalArgumentException("unknown codec type '" + type + "'; expected " + PCA);
        }
        if (components < 1 || components > MAX_COMPONENTS) {
            throw new IllegalArgumentException("codec components must be from 1 to " + MAX_COMPONENTS + ", got "
                    + components);
        }
    }

    /**
     * Creates a codec for images of {@code spec}, with constants that still have to be fitted.
     *
     * @throws IllegalArgumentException if there are more components than pixel values per image
     */
    Codec newCodec(InputSpec spec) {
        return new PcaCodec(spec, components, whiten);
    }

    /** Adds the settings to {@code map} under {@code codec.type}, {@code codec.components} and {@code codec.whiten}. */
    void putInto(Map<String, Object> map) {
        map.put("codec.type", type);
        map.put("codec.components", components);
        map.put("codec.whiten", whiten);
    }

    /**
     * Reads a {@code codec} section with keys {@code type}, {@code components} and {@code whiten}.
     *
     * @throws dev.barrier.api.config.ConfigurationException naming the key of an invalid value
     */
    static CodecSettings read(ConfigSection section, CodecSettings defaults) {
        String type = section.getString("type", defaults.type());
        if (!PCA.equals(type)) {
            throw section.error("type", "unknown codec type '" + type + "'; expected " + PCA);
        }
        int components = section.getInt("components", defaults.components(), 1, MAX_COMPONENTS);
        boolean whiten = section.getBoolean("whiten", defaults.whiten());
        return new CodecSettings(type, components, whiten);
    }
}
