package dev.barrier.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes reads of freed native memory visible. Arrays that DJL creates from Java values can share memory with a
 * Java buffer that only the Java array object keeps alive. An autograd graph that outlives that object reads
 * whatever the memory contains after the buffer is collected. Calling {@link #overwrite()} between a forward pass
 * and its backward pass collects such buffers and fills freshly allocated native memory with NaN, so that a
 * gradient computed from freed memory differs from an undisturbed one.
 */
public final class FreedMemory {

    private static final int BUFFERS = 2000;

    private FreedMemory() {
    }

    /** Runs the garbage collector, then allocates small native buffers filled with NaN. */
    public static void overwrite() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        List<ByteBuffer> buffers = new ArrayList<>(BUFFERS);
        for (int i = 0; i < BUFFERS; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4 + (i % 64) * 4).order(ByteOrder.nativeOrder());
            while (buffer.remaining() >= 4) {
                buffer.putFloat(Float.NaN);
            }
            buffers.add(buffer);
        }
        if (buffers.size() != BUFFERS) {
            throw new AssertionError("allocated " + buffers.size() + " buffers, expected " + BUFFERS);
        }
    }
}
