package dev.barrier.linalg;

import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionMode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Saves and loads fitted statistics: for each protected map, its projection (mean, forget directions,
 * singular values, residual Gram matrix) and its region. Doubles are written bit for bit, so a load returns
 * exactly what was saved.
 */
public final class FittedLayers {

    private static final byte[] MAGIC = "BARRIERF".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;

    private FittedLayers() {
    }

    /**
     * One fitted map.
     *
     * @param layer      the target layer's name
     * @param group      the group of a grouped convolution, else 0
     * @param projection the fitted projection
     * @param region     the fitted region
     */
    public record Entry(String layer, int group, Projection projection, IntervalRegion region) {
    }

    /** Writes the entries to {@code file} atomically (a temporary file beside it, then a move). */
    public static void save(List<Entry> entries, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
            write(entries, out);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads entries saved by {@link #save}.
     *
     * @throws IOException if the file cannot be read, is not a file of fitted statistics, or is truncated
     */
    public static List<Entry> load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }

    /** Writes the entries to a stream. */
    public static void write(List<Entry> entries, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(entries.size());
        for (Entry entry : entries) {
            out.writeUTF(entry.layer());
            out.writeInt(entry.group());
            writeProjection(out, entry.projection());
            writeRegion(out, entry.region());
        }
        out.flush();
    }

    /** Reads entries from a stream; {@code source} names it in errors. */
    public static List<Entry> read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(source + " is not a file of fitted statistics (wrong magic bytes)");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(source + " has format " + version + "; this version reads format " + FORMAT_VERSION);
        }
        int count = in.readInt();
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String layer = in.readUTF();
            int group = in.readInt();
            entries.add(new Entry(layer, group, readProjection(in), readRegion(in)));
        }
        return entries;
    }

    private static void writeProjection(DataOutputStream out, Projection projection) throws IOException {
        out.writeUTF(projection.layer());
        out.writeUTF(projection.strategy());
        out.writeLong(projection.rowCount());
        writeArray(out, projection.mean());
        out.writeInt(projection.forgetBasis().length);
        for (double[] direction : projection.forgetBasis()) {
            writeArray(out, direction);
        }
        writeArray(out, projection.forgetSingularValues());
        writeArray(out, projection.residualSingularValues());
        out.writeBoolean(projection.residualGram() != null);
        if (projection.residualGram() != null) {
            writeArray(out, projection.residualGram());
        }
        out.writeInt(projection.residualRank());
        out.writeBoolean(projection.identity());
    }

    private static Projection readProjection(DataInputStream in) throws IOException {
        String layer = in.readUTF();
        String strategy = in.readUTF();
        long rowCount = in.readLong();
        double[] mean = readArray(in);
        double[][] basis = new double[in.readInt()][];
        for (int i = 0; i < basis.length; i++) {
            basis[i] = readArray(in);
        }
        double[] forgetSingularValues = readArray(in);
        double[] residualSingularValues = readArray(in);
        double[] residualGram = in.readBoolean() ? readArray(in) : null;
        int residualRank = in.readInt();
        boolean identity = in.readBoolean();
        return new Projection(layer, strategy, rowCount, mean, basis, forgetSingularValues, residualSingularValues,
                residualGram, residualRank, identity);
    }

    private static void writeRegion(DataOutputStream out, IntervalRegion region) throws IOException {
        out.writeUTF(region.layer());
        writeArray(out, region.forgetLow());
        writeArray(out, region.forgetHigh());
        writeArray(out, region.outerLow());
        writeArray(out, region.outerHigh());
        out.writeUTF(region.mode().name());
    }

    private static IntervalRegion readRegion(DataInputStream in) throws IOException {
        String layer = in.readUTF();
        double[] forgetLow = readArray(in);
        double[] forgetHigh = readArray(in);
        double[] outerLow = readArray(in);
        double[] outerHigh = readArray(in);
        String mode = in.readUTF();
        try {
            return new IntervalRegion(layer, forgetLow, forgetHigh, outerLow, outerHigh, RegionMode.valueOf(mode));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid region for layer " + layer + ": " + e.getMessage(), e);
        }
    }

    private static void writeArray(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeLong(Double.doubleToRawLongBits(value));
        }
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 28) {
            throw new IOException("invalid array length " + length);
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = Double.longBitsToDouble(in.readLong());
        }
        return values;
    }
}
