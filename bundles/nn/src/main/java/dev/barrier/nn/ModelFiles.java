package dev.barrier.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import dev.barrier.api.model.InputSpec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model file format: a header that names the architecture, its hyperparameters and the input it was
 * built for, followed by DJL's parameter stream. Loading checks the header against what the caller expects,
 * so a file of another architecture is rejected with a message that says what differs.
 */
public final class ModelFiles {

    private static final byte[] MAGIC = "BARRIERM".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;

    private ModelFiles() {
    }

    /** The header of a model file. */
    public record Header(String architecture, Map<String, String> hyperparameters, InputSpec inputSpec) {

        /** Sorts the hyperparameters. */
        public Header {
            hyperparameters = new TreeMap<>(hyperparameters);
        }

        /** Creates a header, converting hyperparameter values to text. */
        public static Header of(String architecture, Map<String, Object> hyperparameters, InputSpec inputSpec) {
            Map<String, String> text = new TreeMap<>();
            hyperparameters.forEach((k, v) -> text.put(k, String.valueOf(v)));
            return new Header(architecture, text, inputSpec);
        }
    }

    /** Writes a header and the block's parameters to {@code out}. */
    public static void write(Header header, Block block, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(FORMAT_VERSION);
        data.writeUTF(header.architecture());
        data.writeInt(header.hyperparameters().size());
        for (Map.Entry<String, String> e : header.hyperparameters().entrySet()) {
            data.writeUTF(e.getKey());
            data.writeUTF(e.getValue());
        }
        InputSpec spec = header.inputSpec();
        data.writeInt(spec.channels());
        data.writeInt(spec.height());
        data.writeInt(spec.width());
        data.writeInt(spec.numClasses());
        block.saveParameters(data);
        data.flush();
    }

    /** Writes a model file atomically: to a temporary file beside {@code file}, then moved into place. */
    public static void save(Header header, Block block, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
            write(header, block, out);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads a header.
     *
     * @throws IOException if the stream is not a model file or is truncated
     */
    public static Header readHeader(DataInputStream data, String source) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        try {
            data.readFully(magic);
        } catch (EOFException e) {
            throw new IOException(source + " is not a BARRIER model file: it is shorter than the header");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(source + " is not a BARRIER model file (wrong magic bytes)");
        }
        int version = data.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(source + " has model file format " + version + "; this version reads format "
                    + FORMAT_VERSION);
        }
        String architecture = data.readUTF();
        int count = data.readInt();
        Map<String, String> hyperparameters = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            hyperparameters.put(data.readUTF(), data.readUTF());
        }
        InputSpec spec = new InputSpec(data.readInt(), data.readInt(), data.readInt(), data.readInt());
        return new Header(architecture, hyperparameters, spec);
    }

    /**
     * Reads a model file into {@code block}, after checking that its header equals {@code expected}.
     *
     * @throws IOException              if the file cannot be read or is not a model file
     * @throws IllegalArgumentException if it holds another architecture, other hyperparameters or another
     *                                  input shape; the message gives both
     */
    public static void load(Path file, Header expected, Block block, NDManager manager) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            read(in, file.toString(), expected, block, manager);
        }
    }

    /** Like {@link #load}, from a stream. */
    public static void read(InputStream in, String source, Header expected, Block block, NDManager manager)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header found = readHeader(data, source);
        if (!found.architecture().equals(expected.architecture())) {
            throw new IllegalArgumentException(source + " holds a " + found.architecture() + " model, expected "
                    + expected.architecture());
        }
        if (!found.hyperparameters().equals(expected.hyperparameters())) {
            throw new IllegalArgumentException(source + " holds " + found.architecture() + " with settings "
                    + found.hyperparameters() + ", expected " + expected.hyperparameters());
        }
        if (!found.inputSpec().equals(expected.inputSpec())) {
            throw new IllegalArgumentException(source + " was built for input " + found.inputSpec() + ", expected "
                    + expected.inputSpec());
        }
        try {
            block.loadParameters(manager, data);
        } catch (MalformedModelException e) {
            throw new IOException(source + " has malformed parameters: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new IOException(source + " is truncated", e);
        }
    }

    /** Serialises a model to bytes and reads it into {@code target}; used to copy models. */
    public static void copy(Header header, Block source, Block target, NDManager manager) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            write(header, source, bytes);
            read(new ByteArrayInputStream(bytes.toByteArray()), "copy", header, target, manager);
        } catch (IOException e) {
            throw new IllegalStateException("copying a " + header.architecture() + " model failed", e);
        }
    }
}
